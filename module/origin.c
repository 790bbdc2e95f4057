// SPDX-License-Identifier: GPL-2.0
/*
 * Who opened the file: the opener's namespaces, its cgroup seen from the
 * root of each hierarchy, and whether that makes it a container.
 *
 * Everything here runs in the probe's atomic context. The cgroup paths are
 * built by kernfs under a spinlock, never through cgroup_path_ns(), which
 * sleeps and would show the path through the opener's cgroup namespace.
 */
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/kernfs.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/user_namespace.h>
#include <net/net_namespace.h>
#include "compat.h"
#include "internal.h"

/**
 * cgw_ns_view_current - the current task's namespaces
 * @view: filled with each namespace's inode number and whether it is the
 *	initial one
 *
 * A task without namespaces (it is exiting) is shown in the initial ones.
 */
void cgw_ns_view_current(struct cgw_ns_view *view)
{
	const struct nsproxy *init = init_task.nsproxy;
	const struct nsproxy *nsp = current->nsproxy;
	struct pid_namespace *pidns = task_active_pid_ns(current);
	struct user_namespace *userns = current_user_ns();
	int i;

	view->inum[CGW_NS_PID] = pidns ? pidns->ns.inum : 0;
	view->initial[CGW_NS_PID] = !pidns || pidns == &init_pid_ns;
	view->inum[CGW_NS_USER] = userns->ns.inum;
	view->initial[CGW_NS_USER] = userns == &init_user_ns;
	if (!nsp) {
		for (i = CGW_NS_MNT; i <= CGW_NS_NET; i++)
			if (i != CGW_NS_USER) {
				view->inum[i] = 0;
				view->initial[i] = true;
			}
		return;
	}
	view->inum[CGW_NS_MNT] = cgw_mnt_ns_inum(nsp);
	view->initial[CGW_NS_MNT] = nsp->mnt_ns == init->mnt_ns;
	view->inum[CGW_NS_CGROUP] = nsp->cgroup_ns->ns.inum;
	view->initial[CGW_NS_CGROUP] = nsp->cgroup_ns == init->cgroup_ns;
	view->inum[CGW_NS_NET] = nsp->net_ns->ns.inum;
	view->initial[CGW_NS_NET] = net_eq(nsp->net_ns, &init_net);
}

/**
 * cgw_origin_is_container - is an opener in a container?
 * @view: the opener's namespaces
 * @kind: what the opener's cgroup path names
 *
 * A cgroup that a runtime made for a container says so. Otherwise a task
 * in a pid, mount, cgroup or user namespace of its own is taken for a
 * container of an unknown runtime: those are the namespaces runtimes
 * create, and an escape through release_agent needs a mount of its own
 * in one of them. A private network namespace alone does not count (host
 * services get one from systemd's PrivateNetwork=). Monitors (conmon,
 * lxc.monitor) run on the host and are judged by their namespaces alone.
 */
bool cgw_origin_is_container(const struct cgw_ns_view *view,
			     enum cgw_cgroup_kind kind)
{
	if (kind == CGW_CGROUP_CONTAINER)
		return true;
	return !view->initial[CGW_NS_PID] || !view->initial[CGW_NS_MNT] ||
	       !view->initial[CGW_NS_CGROUP] || !view->initial[CGW_NS_USER];
}

/*
 * The opener's cgroups, one per hierarchy, in the order they are read:
 * each v1 hierarchy that has a controller, in the kernel's controller
 * order, then cgroup2. Runtimes place a container in every v1 hierarchy
 * they find (its cgroup namespace is then rooted there, and the container
 * cannot climb out), or in cgroup2 where the controllers are. On a v1
 * host a container is left at the root of cgroup2, where its cgroup
 * namespace lets it move anywhere, into a cgroup named like any other
 * container: so cgroup2 speaks last. A named v1 hierarchy ("name=systemd")
 * has no controller to reach it by: a task's place there is only found
 * under a lock that modules cannot take.
 */
struct cgw_cgroup_walk {
	/* Hierarchies already read, or not to be read. */
	const struct cgroup_root *done[CGROUP_SUBSYS_COUNT + 1];
	unsigned int n_done;
	int ssid;			/* CGROUP_SUBSYS_COUNT: cgroup2 next */
	struct cgroup *dfl;		/* the task's cgroup2 cgroup */
};

static void cgw_walk_start(struct cgw_cgroup_walk *w,
			   const struct cgroup_root *skip)
{
	w->n_done = 0;
	w->ssid = 0;
	w->dfl = task_dfl_cgroup(current);
	if (skip)
		w->done[w->n_done++] = skip;
}

static bool cgw_walk_done(const struct cgw_cgroup_walk *w,
			  const struct cgroup_root *root)
{
	unsigned int i;

	for (i = 0; i < w->n_done; i++)
		if (w->done[i] == root)
			return true;
	return false;
}

/* The next hierarchy's cgroup of the current task, or NULL at the end. */
static struct cgroup *cgw_walk_next(struct cgw_cgroup_walk *w)
{
	while (w->ssid < CGROUP_SUBSYS_COUNT) {
		struct cgroup *cgrp = task_cgroup(current, w->ssid++);

		/* Controllers bound to cgroup2 are read there, at the end. */
		if (!cgrp || cgrp->root == w->dfl->root ||
		    cgw_walk_done(w, cgrp->root))
			continue;
		w->done[w->n_done++] = cgrp->root;
		return cgrp;
	}
	if (w->ssid++ == CGROUP_SUBSYS_COUNT &&
	    !cgw_walk_done(w, w->dfl->root))
		return w->dfl;
	return NULL;
}

/* Path of @cgrp into @buf, and what it names; PLAIN if it does not fit. */
static enum cgw_cgroup_kind cgw_read_cgroup(struct cgroup *cgrp, char *buf,
					    size_t len,
					    struct cgw_container *c)
{
	if (!cgw_kernfs_path_fits(cgroup_path(cgrp, buf, len), len)) {
		strscpy(buf, "/", len);
		return CGW_CGROUP_PLAIN;
	}
	return cgw_container_from_cgroup_path(buf, c);
}

/**
 * cgw_current_cgroup - the opener's cgroup, and the container it names
 * @skip: a hierarchy not to read (the one that owns the opened file, where
 *	the opener may have moved itself), or NULL
 * @buf: receives the cgroup path, from the root of its hierarchy
 * @len: size of @buf
 * @c: receives runtime and id
 *
 * The first hierarchy whose path names a container wins; failing that,
 * the first that names a monitor. Otherwise @buf holds the first path
 * that is not the root, or "/". A path too long for @buf names nothing.
 * The caller must not sleep, so that the task's cgroups stay valid (RCU)
 * while they are read.
 */
enum cgw_cgroup_kind cgw_current_cgroup(const struct cgroup_root *skip,
					char *buf, size_t len,
					struct cgw_container *c)
{
	struct cgroup *cgrp, *plain = NULL, *monitor = NULL;
	struct cgw_cgroup_walk walk;
	enum cgw_cgroup_kind kind;

	rcu_read_lock();
	cgw_walk_start(&walk, skip);
	while ((cgrp = cgw_walk_next(&walk))) {
		kind = cgw_read_cgroup(cgrp, buf, len, c);
		if (kind == CGW_CGROUP_CONTAINER)
			goto out;
		if (kind == CGW_CGROUP_MONITOR && !monitor)
			monitor = cgrp;
		if (!plain && strcmp(buf, "/"))
			plain = cgrp;
	}
	cgrp = monitor ? monitor : plain;
	kind = CGW_CGROUP_PLAIN;
	if (cgrp)
		kind = cgw_read_cgroup(cgrp, buf, len, c);
	else
		strscpy(buf, "/", len);
	if (kind == CGW_CGROUP_PLAIN) {
		c->runtime = CGWATCH_RUNTIME_NONE;
		c->id[0] = '\0';
	}
out:
	rcu_read_unlock();
	return kind;
}

/**
 * cgw_file_cgroup_root - the cgroup hierarchy a file belongs to
 * @file: a file on a cgroup (v1 or v2) superblock
 */
const struct cgroup_root *cgw_file_cgroup_root(const struct file *file)
{
	struct dentry *sb_root = file->f_path.dentry->d_sb->s_root;
	struct cgroup *root_cgrp = cgw_kernfs_node(sb_root)->priv;

	return root_cgrp->root;
}

/* Controller names as cgroup v1 mount options spell them. */
#define SUBSYS(_x) \
	[_x ## _cgrp_id] = #_x,

static const char *const cgw_subsys_names[CGROUP_SUBSYS_COUNT] = {
#include <linux/cgroup_subsys.h>
};

#undef SUBSYS

static const char *cgw_subsys_name(int ssid)
{
#ifdef CONFIG_BLK_CGROUP
	if (ssid == io_cgrp_id)
		return "blkio";
#endif
	return cgw_subsys_names[ssid];
}

/**
 * cgw_file_hierarchy - the cgroup v1 hierarchy a file belongs to
 * @file: a file on a cgroup v1 superblock
 * @buf: receives "memory", "cpu,cpuacct", "name=x" or "rdma,name=x"
 * @len: size of @buf
 *
 * Return: the length written, or a negative errno if @buf is too small.
 */
int cgw_file_hierarchy(const struct file *file, char *buf, size_t len)
{
	const struct cgroup_root *root = cgw_file_cgroup_root(file);
	size_t used = 0;
	int ssid;

	buf[0] = '\0';
	for (ssid = 0; ssid < CGROUP_SUBSYS_COUNT; ssid++) {
		if (!(root->subsys_mask & (1U << ssid)))
			continue;
		used += scnprintf(buf + used, len - used, "%s%s",
				  used ? "," : "", cgw_subsys_name(ssid));
	}
	if (root->name[0])
		used += scnprintf(buf + used, len - used, "%sname=%s",
				  used ? "," : "", root->name);
	if (used + 1 >= len)
		return -ENAMETOOLONG;
	return used;
}
