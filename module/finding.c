// SPDX-License-Identifier: GPL-2.0
/*
 * From a matched open to a queued finding.
 *
 * cgw_report() runs in the probe, in the opener's context, so it records
 * everything about the opener there and then: ids, namespaces, cgroup,
 * paths. Nothing it calls sleeps; strings are built in per-CPU scratch
 * buffers (the probe cannot be re-entered on a CPU) and copied into one
 * GFP_NOWAIT allocation sized to fit: a container can make findings at
 * will, so they never draw on the kernel's emergency reserves. A worker
 * then sends the finding in process context. Every finding that does not
 * reach the queue or the listeners is counted by cause.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/kernfs.h>
#include <linux/limits.h>
#include <linux/llist.h>
#include <linux/module.h>
#include <linux/pid_namespace.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>
#include "compat.h"
#include "internal.h"

bool cgw_report_host;
module_param_named(report_host, cgw_report_host, bool, 0644);
MODULE_PARM_DESC(report_host,
		 "Also report opens by tasks outside containers (default: no)");

static unsigned int cgw_max_backlog = 4096;
module_param_named(max_backlog, cgw_max_backlog, uint, 0644);
MODULE_PARM_DESC(max_backlog,
		 "Findings queued for sending at most; more are counted and dropped");

#define CGW_HIERARCHY_MAX 256

/*
 * Longest text a finding keeps per field. A longer path (an attacker can
 * nest cgroups deep) keeps its end, where the file and the innermost
 * cgroup are, after "...": the finding stays small enough to allocate in
 * atomic context and to send.
 */
#define CGW_TEXT_MAX	1024
#define CGW_CUT_MARK	"..."

struct cgw_scratch {
	char cgroup[PATH_MAX];
	char file[PATH_MAX];
	char cgroup_file[PATH_MAX];
	char exe[PATH_MAX];
	char hierarchy[CGW_HIERARCHY_MAX];
	struct cgw_container container;
};

static struct cgw_scratch __percpu *cgw_scratch;
static struct workqueue_struct *cgw_wq;
static LLIST_HEAD(cgw_queue);
static atomic_t cgw_queued = ATOMIC_INIT(0);

static void cgw_send_queued(struct work_struct *work);
static DECLARE_WORK(cgw_send_work, cgw_send_queued);

/* d_path() and friends fill from the end; return where the text starts. */
static const char *cgw_path_or_error(char *text, const char *fallback)
{
	return IS_ERR(text) ? fallback : text;
}

static const char *cgw_exe_path(char *buf, size_t len)
{
	struct mm_struct *mm = current->mm;
	struct file *exe;
	const char *path;

	if (!mm || (current->flags & PF_KTHREAD))
		return "";
	exe = cgw_get_exe_file(mm);
	if (!exe)
		return "";
	path = cgw_path_or_error(d_path(&exe->f_path, buf, len), "");
	fput(exe);
	return path;
}

static const char *cgw_cgroup_file_path(struct file *file, char *buf,
					size_t len)
{
	struct kernfs_node *kn = cgw_kernfs_node(file->f_path.dentry);

	if (!cgw_kernfs_path_fits(kernfs_path(kn, buf, len), len))
		return "";
	return buf;
}

static void cgw_fill_task(struct cgw_finding *f)
{
	const struct cred *cred = current_cred();

	f->pid = task_tgid_nr(current);
	f->tid = task_pid_nr(current);
	f->ns_pid = task_tgid_vnr(current);
	rcu_read_lock();
	f->ppid = task_tgid_nr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	f->uid = __kuid_val(cred->uid);
	f->gid = __kgid_val(cred->gid);
	f->euid = __kuid_val(cred->euid);
	strscpy(f->comm, current->comm, sizeof(f->comm));
}

static void cgw_fill_file(struct cgw_finding *f, struct file *file)
{
	struct inode *inode = file_inode(file);

	f->flags = file->f_flags;
	f->dev = new_encode_dev(inode->i_sb->s_dev);
	f->ino = inode->i_ino;
}

/* The bytes @s takes in a finding, its NUL included. */
static size_t cgw_text_size(const char *s)
{
	return min_t(size_t, strlen(s), CGW_TEXT_MAX) + 1;
}

/* Copy @s, cut to CGW_TEXT_MAX, to @*pos and advance it; return the copy. */
static const char *cgw_store(char **pos, const char *s)
{
	size_t len = strlen(s), mark = strlen(CGW_CUT_MARK);
	char *copy = *pos;

	if (len <= CGW_TEXT_MAX) {
		memcpy(copy, s, len + 1);
	} else {
		memcpy(copy, CGW_CUT_MARK, mark);
		memcpy(copy + mark, s + len - (CGW_TEXT_MAX - mark),
		       CGW_TEXT_MAX - mark + 1);
	}
	*pos += cgw_text_size(s);
	return copy;
}

static struct cgw_finding *cgw_finding_alloc(const char *const *text,
					     unsigned int n)
{
	size_t size = sizeof(struct cgw_finding);
	unsigned int i;

	for (i = 0; i < n; i++)
		size += cgw_text_size(text[i]);
	return kzalloc(size, GFP_NOWAIT | __GFP_NOWARN);
}

static bool cgw_queue_slot(void)
{
	if (atomic_inc_return(&cgw_queued) <= READ_ONCE(cgw_max_backlog))
		return true;
	atomic_dec(&cgw_queued);
	atomic64_inc(&cgw_counters.drop_backlog);
	return false;
}

/**
 * cgw_report - record a matched open as a finding and queue it
 * @rule: the rule the open matched
 * @file: the file being opened
 *
 * Called from the probe, in the opener's context; never sleeps.
 */
void cgw_report(const struct cgw_rule *rule, struct file *file)
{
	struct cgw_scratch *s = this_cpu_ptr(cgw_scratch);
	enum cgw_cgroup_kind kind;
	struct cgw_ns_view ns;
	struct cgw_finding *f;
	const char *text[5];
	bool in_container;
	char *pos;

	atomic64_inc(&cgw_counters.matched);
	if (unlikely(in_nmi())) {
		/*
		 * Only a probe that is not ftrace-based lands here. The
		 * opener cannot be examined, so the match is counted as a
		 * finding, and as lost.
		 */
		atomic64_inc(&cgw_counters.findings);
		atomic64_inc(&cgw_counters.drop_context);
		return;
	}
	cgw_ns_view_current(&ns);
	kind = cgw_current_cgroup(cgw_file_cgroup_root(file), s->cgroup,
				  sizeof(s->cgroup), &s->container);
	in_container = cgw_origin_is_container(&ns, kind);
	if (kind != CGW_CGROUP_CONTAINER) {
		/* A monitor's id is not a container's. */
		s->container.runtime = CGWATCH_RUNTIME_NONE;
		s->container.id[0] = '\0';
	}
	if (!in_container && !READ_ONCE(cgw_report_host))
		return;
	atomic64_inc(&cgw_counters.findings);
	if (!cgw_genl_has_listeners()) {
		atomic64_inc(&cgw_counters.drop_nolistener);
		return;
	}
	if (!cgw_queue_slot())
		return;

	text[0] = cgw_exe_path(s->exe, sizeof(s->exe));
	text[1] = cgw_path_or_error(d_path(&file->f_path, s->file,
					   sizeof(s->file)), "");
	text[2] = cgw_cgroup_file_path(file, s->cgroup_file,
				       sizeof(s->cgroup_file));
	if (cgw_file_hierarchy(file, s->hierarchy, sizeof(s->hierarchy)) < 0)
		s->hierarchy[0] = '\0';
	text[3] = s->hierarchy;
	text[4] = s->cgroup;
	f = cgw_finding_alloc(text, ARRAY_SIZE(text));
	if (!f) {
		atomic_dec(&cgw_queued);
		atomic64_inc(&cgw_counters.drop_nomem);
		return;
	}

	f->rule = rule;
	f->time_ns = ktime_get_real_ns();
	cgw_fill_task(f);
	cgw_fill_file(f, file);
	memcpy(f->ns_inum, ns.inum, sizeof(f->ns_inum));
	f->in_container = in_container;
	f->runtime = s->container.runtime;
	if (in_container && f->runtime == CGWATCH_RUNTIME_NONE)
		f->runtime = CGWATCH_RUNTIME_UNKNOWN;
	strscpy(f->container_id, s->container.id, sizeof(f->container_id));
	pos = f->text;
	f->exe = cgw_store(&pos, text[0]);
	f->file_path = cgw_store(&pos, text[1]);
	f->cgroup_file = cgw_store(&pos, text[2]);
	f->hierarchy = cgw_store(&pos, text[3]);
	f->cgroup_path = cgw_store(&pos, text[4]);

	llist_add(&f->node, &cgw_queue);
	queue_work(cgw_wq, &cgw_send_work);
}

/*
 * Count the outcome of one multicast. The kernel answers -ESRCH both when
 * nobody is subscribed and when every subscriber's socket was full; only
 * sockets with NETLINK_BROADCAST_ERROR set make it say -ENOBUFS instead.
 * netlink keeps one bitmap of subscribed groups for all network
 * namespaces, so a subscriber in a namespace of its own (which receives
 * nothing: the family lives in the initial one) makes the group look
 * listened to, and its -ESRCH is then counted as a full socket.
 */
static void cgw_count_send(int err)
{
	switch (err) {
	case 0:
		atomic64_inc(&cgw_counters.sent);
		break;
	case -ESRCH:
		if (cgw_genl_has_listeners())
			atomic64_inc(&cgw_counters.drop_overrun);
		else
			atomic64_inc(&cgw_counters.drop_nolistener);
		break;
	case -ENOBUFS:
		atomic64_inc(&cgw_counters.drop_overrun);
		break;
	default:
		atomic64_inc(&cgw_counters.drop_nomem);
		break;
	}
}

static void cgw_send_queued(struct work_struct *work)
{
	struct llist_node *list = llist_reverse_order(llist_del_all(&cgw_queue));
	struct cgw_finding *f, *next;

	llist_for_each_entry_safe(f, next, list, node) {
		cgw_count_send(cgw_genl_send_finding(f));
		kfree(f);
		atomic_dec(&cgw_queued);
		cond_resched();
	}
}

int cgw_finding_init(void)
{
	cgw_scratch = alloc_percpu(struct cgw_scratch);
	if (!cgw_scratch)
		return -ENOMEM;
	cgw_wq = alloc_workqueue("cgwatch", WQ_UNBOUND, 1);
	if (!cgw_wq) {
		free_percpu(cgw_scratch);
		return -ENOMEM;
	}
	return 0;
}

/* Call only once the probe is gone: sends what is queued, then frees. */
void cgw_finding_exit(void)
{
	destroy_workqueue(cgw_wq);
	cgw_send_queued(NULL);
	free_percpu(cgw_scratch);
}
