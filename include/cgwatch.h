/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * cgwatch wire format: the Generic Netlink family that carries findings
 * from the kernel module to listeners, and its status request.
 *
 * This header is shared by the module and by user space. Attribute and
 * command numbers are stable: new ones are added before the __MAX entry,
 * never renumbered. Listeners must ignore attributes they do not know.
 */
#ifndef _UAPI_CGWATCH_H
#define _UAPI_CGWATCH_H

#define CGWATCH_GENL_NAME		"cgwatch"
#define CGWATCH_GENL_VERSION		1
#define CGWATCH_MCGRP_FINDINGS		"findings"

/* Longest container id carried (an LXC container name may be this long). */
#define CGWATCH_CONTAINER_ID_MAX	255

enum cgwatch_cmd {
	CGWATCH_CMD_UNSPEC,
	CGWATCH_CMD_FINDING,		/* kernel -> listeners, multicast */
	CGWATCH_CMD_GET_STATUS,		/* request; reply is CGWATCH_CMD_STATUS */
	CGWATCH_CMD_STATUS,		/* reply to CGWATCH_CMD_GET_STATUS */

	__CGWATCH_CMD_MAX,
};

#define CGWATCH_CMD_MAX (__CGWATCH_CMD_MAX - 1)

/*
 * Container runtimes recognised from a cgroup path. The numbers travel in
 * CGWATCH_A_RUNTIME; CGWATCH_A_RUNTIME_NAME carries the same as text.
 */
enum cgwatch_runtime {
	CGWATCH_RUNTIME_NONE,		/* not in a container */
	CGWATCH_RUNTIME_UNKNOWN,	/* in a container, runtime not known */
	CGWATCH_RUNTIME_DOCKER,
	CGWATCH_RUNTIME_CONTAINERD,
	CGWATCH_RUNTIME_CRIO,
	CGWATCH_RUNTIME_PODMAN,
	CGWATCH_RUNTIME_LXC,
	CGWATCH_RUNTIME_KUBERNETES,	/* kubelet cgroupfs layout, CRI unknown */

	__CGWATCH_RUNTIME_MAX,
};

enum cgwatch_attr {
	CGWATCH_A_UNSPEC,
	CGWATCH_A_PAD,			/* alignment padding for u64 values */

	/* The rule that matched. */
	CGWATCH_A_RULE_ID,		/* string, "TRC-106" */
	CGWATCH_A_RULE_NAME,		/* string */
	CGWATCH_A_SEVERITY,		/* u32, 0 (info) .. 3 (high) */
	CGWATCH_A_MITRE_TECHNIQUE,	/* string, "T1611" */

	/* Who opened the file. */
	CGWATCH_A_TIME_NS,		/* u64, ns since the epoch */
	CGWATCH_A_PID,			/* u32, thread group id, initial pid ns */
	CGWATCH_A_TID,			/* u32, thread id, initial pid ns */
	CGWATCH_A_NS_PID,		/* u32, thread group id in opener's pid ns */
	CGWATCH_A_PPID,			/* u32, parent's tgid, initial pid ns */
	CGWATCH_A_UID,			/* u32, real uid, initial user ns */
	CGWATCH_A_GID,			/* u32, real gid, initial user ns */
	CGWATCH_A_EUID,			/* u32, effective uid, initial user ns */
	CGWATCH_A_COMM,			/* string */
	CGWATCH_A_EXE,			/* string, executable, opener's root */

	/* What was opened. */
	CGWATCH_A_FILE_PATH,		/* string, from the opener's mount ns root */
	CGWATCH_A_CGROUP_FILE,		/* string, from the hierarchy's root */
	CGWATCH_A_HIERARCHY,		/* string, "rdma", "cpu,cpuacct", "name=x" */
	CGWATCH_A_FLAGS,		/* u32, the file's open flags (O_*) */
	CGWATCH_A_DEV,			/* u32, device, new_encode_dev() form */
	CGWATCH_A_INO,			/* u64, inode number */

	/* Where the opener runs. */
	CGWATCH_A_CGROUP_PATH,		/* string, opener's cgroup from the root */
	CGWATCH_A_CONTAINER,		/* u8, 1 if the opener is in a container */
	CGWATCH_A_CONTAINER_ID,		/* string, empty when unknown */
	CGWATCH_A_RUNTIME,		/* u32, enum cgwatch_runtime */
	CGWATCH_A_RUNTIME_NAME,		/* string, "docker", "unknown", ... */
	CGWATCH_A_PIDNS,		/* u32, namespace inode numbers */
	CGWATCH_A_MNTNS,		/* u32 */
	CGWATCH_A_CGROUPNS,		/* u32 */
	CGWATCH_A_USERNS,		/* u32 */
	CGWATCH_A_NETNS,		/* u32 */

	/* Status reply. */
	CGWATCH_A_VERSION,		/* string, module version */
	CGWATCH_A_PROTOCOL,		/* u32, CGWATCH_GENL_VERSION */
	CGWATCH_A_CNT_INSPECTED,	/* u64, opens seen by the probe */
	CGWATCH_A_CNT_MATCHED,		/* u64, opens that matched a rule */
	CGWATCH_A_CNT_FINDINGS,		/* u64, matches that were findings */
	CGWATCH_A_CNT_SENT,		/* u64, findings multicast */
	CGWATCH_A_CNT_DROP_NOMEM,	/* u64, lost: no memory */
	CGWATCH_A_CNT_DROP_NOLISTENER,	/* u64, lost: nobody subscribed */
	CGWATCH_A_CNT_DROP_OVERRUN,	/* u64, lost: a listener's socket full */
	CGWATCH_A_CNT_DROP_BACKLOG,	/* u64, lost: too many queued */
	CGWATCH_A_CNT_KPROBE_MISSED,	/* u64, probe hits the kernel skipped */
	CGWATCH_A_CNT_DROP_CONTEXT,	/* u64, lost: matched where unsafe (NMI) */
	CGWATCH_A_LISTENING,		/* u8, 1 if "findings" has a subscriber */
	CGWATCH_A_SUBSCRIBE_ADMIN,	/* u8, 1 if subscribing needs CAP_NET_ADMIN */

	__CGWATCH_A_MAX,
};

#define CGWATCH_A_MAX (__CGWATCH_A_MAX - 1)

#endif /* _UAPI_CGWATCH_H */
