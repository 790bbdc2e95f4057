/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarations shared by the files of the cgwatch module.
 *
 * The flow: probe.c sees every file open and matches the few that concern
 * a rule; origin.c and container.c say who opened it and from which
 * container; finding.c turns a match into a finding and queues it;
 * genl.c sends it to listeners. main.c ties them together.
 */
#ifndef CGWATCH_INTERNAL_H
#define CGWATCH_INTERNAL_H

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/llist.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <cgwatch.h>

struct cgroup_root;
struct sk_buff;

#define CGW_VERSION "0.1.0"

/* A detection rule: which cgroup v1 file, opened for writing, it is about. */
struct cgw_rule {
	const char *id;			/* "TRC-106" */
	const char *name;
	const char *technique;		/* MITRE ATT&CK id */
	u32 severity;
	const char *file_name;		/* name of the cgroup v1 control file */
	unsigned int file_name_len;
};

/* probe.c */
extern struct file_system_type *cgw_cgroup1_fs;
const struct cgw_rule *cgw_match_file(const struct file *file);
int cgw_probe_register(void);
void cgw_probe_unregister(void);
unsigned long cgw_probe_missed(void);

/* container.c */
enum cgw_cgroup_kind {
	CGW_CGROUP_PLAIN,	/* names no container */
	CGW_CGROUP_CONTAINER,	/* a container's cgroup */
	CGW_CGROUP_MONITOR,	/* a runtime's monitor (conmon, lxc.monitor) */
};

struct cgw_container {
	enum cgwatch_runtime runtime;
	char id[CGWATCH_CONTAINER_ID_MAX + 1];
};

enum cgw_cgroup_kind cgw_container_from_cgroup_path(const char *path,
						    struct cgw_container *c);
const char *cgw_runtime_name(enum cgwatch_runtime runtime);

/* origin.c */
enum cgw_ns_type {
	CGW_NS_PID,
	CGW_NS_MNT,
	CGW_NS_CGROUP,
	CGW_NS_USER,
	CGW_NS_NET,
	CGW_NS_COUNT,
};

struct cgw_ns_view {
	unsigned int inum[CGW_NS_COUNT];
	bool initial[CGW_NS_COUNT];
};

void cgw_ns_view_current(struct cgw_ns_view *view);
bool cgw_origin_is_container(const struct cgw_ns_view *view,
			     enum cgw_cgroup_kind kind);
enum cgw_cgroup_kind cgw_current_cgroup(const struct cgroup_root *skip,
					char *buf, size_t len,
					struct cgw_container *c);
const struct cgroup_root *cgw_file_cgroup_root(const struct file *file);
int cgw_file_hierarchy(const struct file *file, char *buf, size_t len);

/* finding.c */
struct cgw_finding {
	struct llist_node node;
	const struct cgw_rule *rule;
	u64 time_ns;
	u64 ino;
	u32 pid, tid, ns_pid, ppid;
	u32 uid, gid, euid;
	u32 flags;
	u32 dev;
	u32 ns_inum[CGW_NS_COUNT];
	bool in_container;
	enum cgwatch_runtime runtime;
	char comm[TASK_COMM_LEN];
	char container_id[CGWATCH_CONTAINER_ID_MAX + 1];
	const char *exe;
	const char *file_path;
	const char *cgroup_file;
	const char *hierarchy;
	const char *cgroup_path;
	char text[];			/* the strings above point here */
};

extern bool cgw_report_host;
int cgw_finding_init(void);
void cgw_finding_exit(void);
void cgw_report(const struct cgw_rule *rule, struct file *file);

/* genl.c */
int cgw_genl_register(void);
void cgw_genl_unregister(void);
bool cgw_genl_has_listeners(void);
int cgw_genl_send_finding(const struct cgw_finding *f);
int cgw_genl_put_finding(struct sk_buff *skb, const struct cgw_finding *f);

/* counters.c: visible through CGWATCH_CMD_GET_STATUS */
struct cgw_counters {
	atomic64_t matched;
	atomic64_t findings;
	atomic64_t sent;
	atomic64_t drop_nomem;
	atomic64_t drop_nolistener;
	atomic64_t drop_overrun;
	atomic64_t drop_backlog;
	atomic64_t drop_context;
};

extern struct cgw_counters cgw_counters;
DECLARE_PER_CPU(u64, cgw_inspected);
u64 cgw_inspected_total(void);

#endif /* CGWATCH_INTERNAL_H */
