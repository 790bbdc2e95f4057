/* SPDX-License-Identifier: GPL-2.0 */
/*
 * decode.h - turn cgwatch Generic Netlink messages into plain structs.
 *
 * A finding message becomes a struct cgw_finding, a status reply a
 * struct cgw_status. Every attribute is checked for type and length
 * before use; attributes this program does not know are skipped, so an
 * older CLI keeps working with a newer module.
 */
#ifndef CGW_DECODE_H
#define CGW_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "cgwatch.h"

/* Room for each string, terminating NUL included. */
#define CGW_RULE_ID_SIZE	64
#define CGW_RULE_NAME_SIZE	256
#define CGW_MITRE_SIZE		64
#define CGW_COMM_SIZE		64
#define CGW_PATH_SIZE		4096	/* PATH_MAX */
#define CGW_HIERARCHY_SIZE	256
#define CGW_CONTAINER_ID_SIZE	(CGWATCH_CONTAINER_ID_MAX + 1)
#define CGW_RUNTIME_NAME_SIZE	64
#define CGW_VERSION_SIZE	64

/*
 * One finding. A field is meaningful only if its attribute was in the
 * message: cgw_finding_has(f, CGWATCH_A_...) says so.
 */
struct cgw_finding {
	uint64_t present;	/* bit n set: attribute type n was present */

	char rule_id[CGW_RULE_ID_SIZE];
	char rule_name[CGW_RULE_NAME_SIZE];
	uint32_t severity;
	char mitre_technique[CGW_MITRE_SIZE];

	uint64_t time_ns;
	uint32_t pid;
	uint32_t tid;
	uint32_t ns_pid;
	uint32_t ppid;
	uint32_t uid;
	uint32_t gid;
	uint32_t euid;
	char comm[CGW_COMM_SIZE];
	char exe[CGW_PATH_SIZE];

	char file_path[CGW_PATH_SIZE];
	char cgroup_file[CGW_PATH_SIZE];
	char hierarchy[CGW_HIERARCHY_SIZE];
	uint32_t flags;
	uint32_t dev;
	uint64_t ino;

	char cgroup_path[CGW_PATH_SIZE];
	uint8_t container;
	char container_id[CGW_CONTAINER_ID_SIZE];
	uint32_t runtime;
	char runtime_name[CGW_RUNTIME_NAME_SIZE];
	uint32_t pidns;
	uint32_t mntns;
	uint32_t cgroupns;
	uint32_t userns;
	uint32_t netns;
};

/* The module's answer to CGWATCH_CMD_GET_STATUS. */
struct cgw_status {
	uint64_t present;	/* bit n set: attribute type n was present */

	char version[CGW_VERSION_SIZE];
	uint32_t protocol;
	uint64_t inspected;
	uint64_t matched;
	uint64_t findings;
	uint64_t sent;
	uint64_t drop_nomem;
	uint64_t drop_nolistener;
	uint64_t drop_overrun;
	uint64_t drop_backlog;
	uint64_t kprobe_missed;
	uint64_t drop_context;
	uint8_t listening;
	uint8_t subscribe_admin;
};

/* Why a message was rejected. */
struct cgw_decode_error {
	int attr;		/* attribute type at fault, -1: the message */
	const char *reason;	/* static text, e.g. "wrong length" */
};

static inline bool cgw_finding_has(const struct cgw_finding *f,
				   unsigned int attr)
{
	return attr < 64 && (f->present & (UINT64_C(1) << attr));
}

static inline bool cgw_status_has(const struct cgw_status *s,
				  unsigned int attr)
{
	return attr < 64 && (s->present & (UINT64_C(1) << attr));
}

/*
 * The attribute area of a finding (what follows the genlmsghdr) into @f.
 * Returns 0, or -EINVAL with @err (may be NULL) saying what was wrong.
 */
int cgw_decode_finding_attrs(const void *attrs, size_t len,
			     struct cgw_finding *f,
			     struct cgw_decode_error *err);

/*
 * A whole CGWATCH_CMD_FINDING message. The caller has checked that
 * nlmsg_len fits the buffer (mnl_cb_run does) and that nlmsg_type is the
 * cgwatch family.
 */
int cgw_decode_finding(const struct nlmsghdr *nlh, struct cgw_finding *f,
		       struct cgw_decode_error *err);

/* The same two for a CGWATCH_CMD_STATUS reply. */
int cgw_decode_status_attrs(const void *attrs, size_t len,
			    struct cgw_status *s,
			    struct cgw_decode_error *err);
int cgw_decode_status(const struct nlmsghdr *nlh, struct cgw_status *s,
		      struct cgw_decode_error *err);

#endif /* CGW_DECODE_H */
