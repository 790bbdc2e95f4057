/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nl.h - talking to the cgwatch Generic Netlink family with libmnl.
 *
 * cgw_nl_open() finds the family, cgw_nl_subscribe() joins its findings
 * group, cgw_nl_follow_module() watches the module being unloaded and
 * loaded again, cgw_nl_get_status() asks for the counters and
 * cgw_nl_listen() hands each finding to a callback. On failure these
 * return -1 and say in struct cgw_nl what went wrong; printing is left to
 * the caller.
 *
 * Only datagrams sent by the kernel are read: any local process may send
 * to a netlink socket's port, and must not be able to forge a finding.
 */
#ifndef CGW_NL_H
#define CGW_NL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <linux/genetlink.h>

#include "decode.h"

/* Receive buffer for one datagram; findings are a few KiB at most. */
#define CGW_NL_BUF_SIZE		65536
/* Socket receive buffer asked for while listening. */
#define CGW_NL_RCVBUF		(4 << 20)
/* How long to wait for the kernel to answer a request. */
#define CGW_NL_REPLY_TIMEOUT	5

enum cgw_nl_failure {
	CGW_NL_OK,
	CGW_NL_SYSTEM,		/* a system call failed, see error */
	CGW_NL_NO_FAMILY,	/* no such family: the module is not loaded */
	CGW_NL_NO_GROUP,	/* the family has no "findings" group */
	CGW_NL_VERSION,		/* the family speaks another version */
	CGW_NL_PERMISSION,	/* EPERM or EACCES, see error */
	CGW_NL_BAD_REPLY,	/* a reply could not be decoded */
	CGW_NL_NO_REPLY,	/* no reply within CGW_NL_REPLY_TIMEOUT */
};

struct cgw_family {
	char name[GENL_NAMSIZ];		/* empty if the message had none */
	uint16_t id;
	uint32_t version;
	uint32_t group;			/* the multicast group looked for, 0: none */
};

struct cgw_nl {
	struct mnl_socket *sock;
	struct mnl_socket *ctrl;	/* the controller's news, or NULL */
	unsigned int portid;
	unsigned int seq;
	char *buf;			/* CGW_NL_BUF_SIZE bytes */
	struct cgw_family family;
	uint16_t previous_id;		/* the family's id before a reload */
	unsigned long overruns;		/* ENOBUFS seen when listening */
	uint32_t sender;		/* the port read from: 0, the kernel */
	unsigned long foreign;		/* datagrams from other ports, dropped */

	/* Why the last call failed. */
	enum cgw_nl_failure failure;
	const char *step;		/* what was being done, for messages */
	int error;			/* errno, if the failure has one */
	uint32_t peer_version;		/* theirs, for CGW_NL_VERSION */
	struct cgw_decode_error decode_error;	/* for CGW_NL_BAD_REPLY */
};

/* What cgw_nl_listen() does with what arrives, and when it stops. */
struct cgw_listener {
	/* Return 0 to go on, 1 to stop listening, -1 (errno set) to fail. */
	int (*on_finding)(const struct cgw_finding *f, void *data);
	/* A finding that could not be decoded was skipped. */
	void (*on_malformed)(const struct cgw_decode_error *err, void *data);
	/* Findings were lost because the socket buffer was full. */
	void (*on_overrun)(unsigned long overruns, void *data);
	/* The module was unloaded (0), or loaded again and rejoined (1). */
	void (*on_module)(int loaded, void *data);
	/* A datagram from @port, not the kernel, was dropped. */
	void (*on_foreign)(unsigned long count, uint32_t port, void *data);
	void *data;

	/* CLOCK_MONOTONIC; NULL: no deadline */
	const struct timespec *deadline;
	const sigset_t *sigmask;	/* signal mask while waiting */
	volatile sig_atomic_t *stop;	/* stop once this is set */
};

/*
 * Open a Generic Netlink socket and look up family @name (normally
 * CGWATCH_GENL_NAME) and its findings group; fail with CGW_NL_VERSION if
 * the family's version is not CGWATCH_GENL_VERSION. Call cgw_nl_close()
 * afterwards in every case.
 */
int cgw_nl_open(struct cgw_nl *nl, const char *name);
void cgw_nl_close(struct cgw_nl *nl);

/* Join the findings group and enlarge the socket's receive buffer. */
int cgw_nl_subscribe(struct cgw_nl *nl);

/*
 * Join the genetlink controller's notifications, so that cgw_nl_listen()
 * sees the module unloaded and loaded again, and joins its new group.
 */
int cgw_nl_follow_module(struct cgw_nl *nl);

/* Send CGWATCH_CMD_GET_STATUS and decode the reply into @st. */
int cgw_nl_get_status(struct cgw_nl *nl, struct cgw_status *st);

/*
 * Receive findings until the deadline passes, *stop is set, on_finding
 * asks to stop (all return 0) or something fails (-1). A receive buffer
 * overrun is counted and reported, and listening goes on. So does a
 * reload of the module, after cgw_nl_follow_module(); one that speaks
 * another protocol version fails with CGW_NL_VERSION.
 */
int cgw_nl_listen(struct cgw_nl *nl, const struct cgw_listener *l);

/*
 * The pieces of the above, exposed for the tests.
 *
 * cgw_nl_socket: open and bind a netlink socket of @protocol, without
 * looking up any family (cgw_nl_open does this for NETLINK_GENERIC).
 *
 * cgw_nl_parse_family: a CTRL_CMD_NEWFAMILY or CTRL_CMD_DELFAMILY message
 * into @fam, looking for multicast group @group. Returns 0, or -EINVAL if
 * the message is malformed or has no family id.
 *
 * cgw_nl_dispatch: hand every finding of the family in @buf to @l.
 * Returns 1 if on_finding asked to stop, 0 to go on, -1 on failure.
 */
int cgw_nl_socket(struct cgw_nl *nl, int protocol);
int cgw_nl_parse_family(const struct nlmsghdr *nlh, const char *group,
			struct cgw_family *fam);
int cgw_nl_dispatch(struct cgw_nl *nl, const void *buf, size_t len,
		    const struct cgw_listener *l);

#endif /* CGW_NL_H */
