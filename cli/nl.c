// SPDX-License-Identifier: GPL-2.0
/*
 * nl.c - the netlink side of the CLI: socket, family lookup through the
 * genetlink controller, subscription, the status request and the
 * receive loop for findings.
 */
#define _GNU_SOURCE		/* ppoll() */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "nl.h"

/* Record why the current call fails; returns -1 for the caller. */
static int failed(struct cgw_nl *nl, enum cgw_nl_failure failure,
		  const char *step, int error)
{
	nl->failure = failure;
	nl->step = step;
	nl->error = error;
	return -1;
}

/* Room for one request, aligned as netlink headers need. */
union request_buf {
	char data[256];
	struct nlmsghdr align;
};

/* Start a request to @family in @buf: netlink and genetlink headers. */
static struct nlmsghdr *start_request(struct cgw_nl *nl,
				      union request_buf *buf,
				      uint16_t family, uint8_t cmd,
				      uint8_t version)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf->data);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

/*
 * Read one datagram into nl->buf and say in @from_port who sent it.
 * Returns its length; 0 if it came from another port than nl->sender and
 * was dropped; -1 with errno set on failure, ENOSPC if it did not fit.
 */
static ssize_t receive(struct cgw_nl *nl, struct mnl_socket *sock, int flags,
		       uint32_t *from_port)
{
	struct sockaddr_nl from = { 0 };
	struct iovec iov = { .iov_base = nl->buf, .iov_len = CGW_NL_BUF_SIZE };
	struct msghdr msg = {
		.msg_name = &from,
		.msg_namelen = sizeof(from),
		.msg_iov = &iov,
		.msg_iovlen = 1,
	};
	ssize_t n = recvmsg(mnl_socket_get_fd(sock), &msg, flags);

	if (n < 0)
		return -1;
	if (msg.msg_flags & MSG_TRUNC) {
		errno = ENOSPC;
		return -1;
	}
	*from_port = from.nl_pid;
	if (from.nl_pid != nl->sender) {
		nl->foreign++;
		return 0;
	}
	return n;
}

/*
 * Send @nlh and feed the replies to @cb until the kernel's ACK (or an
 * error) arrives. Returns 0, or -1 with errno set: the kernel's error
 * code for a NLMSG_ERROR reply, EAGAIN if it did not answer in time.
 */
static int request(struct cgw_nl *nl, const struct nlmsghdr *nlh,
		   mnl_cb_t cb, void *data)
{
	uint32_t port;
	ssize_t n;
	int ret = MNL_CB_OK;

	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = receive(nl, nl->sock, 0, &port);
		if (n < 0)
			return -1;
		if (port == nl->sender)
			ret = mnl_cb_run(nl->buf, n, nlh->nlmsg_seq,
					 nl->portid, cb, data);
	} while (port != nl->sender || ret > MNL_CB_STOP);
	return ret < 0 ? -1 : 0;
}

/* ---- family lookup ---- */

/* One entry of CTRL_ATTR_MCAST_GROUPS; sets *id if it is @group. */
static int parse_group(const struct nlattr *nest, const char *group,
		       uint32_t *id)
{
	const struct nlattr *attr;
	const char *name = NULL;
	uint32_t grp_id = 0;

	mnl_attr_for_each_nested(attr, nest) {
		switch (mnl_attr_get_type(attr)) {
		case CTRL_ATTR_MCAST_GRP_NAME:
			if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0)
				return -EINVAL;
			name = mnl_attr_get_str(attr);
			break;
		case CTRL_ATTR_MCAST_GRP_ID:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
				return -EINVAL;
			grp_id = mnl_attr_get_u32(attr);
			break;
		}
	}
	if (name && !strcmp(name, group))
		*id = grp_id;
	return 0;
}

static int parse_groups(const struct nlattr *groups, const char *group,
			uint32_t *id)
{
	const struct nlattr *nest;

	if (mnl_attr_validate(groups, MNL_TYPE_NESTED) < 0)
		return -EINVAL;
	mnl_attr_for_each_nested(nest, groups) {
		if (mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0 ||
		    parse_group(nest, group, id) < 0)
			return -EINVAL;
	}
	return 0;
}

static int parse_family_attr(const struct nlattr *attr, const char *group,
			     struct cgw_family *fam)
{
	switch (mnl_attr_get_type(attr)) {
	case CTRL_ATTR_FAMILY_NAME:
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0 ||
		    mnl_attr_get_payload_len(attr) > sizeof(fam->name))
			return -EINVAL;
		strcpy(fam->name, mnl_attr_get_str(attr));
		break;
	case CTRL_ATTR_FAMILY_ID:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			return -EINVAL;
		fam->id = mnl_attr_get_u16(attr);
		break;
	case CTRL_ATTR_VERSION:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return -EINVAL;
		fam->version = mnl_attr_get_u32(attr);
		break;
	case CTRL_ATTR_MCAST_GROUPS:
		return parse_groups(attr, group, &fam->group);
	}
	return 0;
}

int cgw_nl_parse_family(const struct nlmsghdr *nlh, const char *group,
			struct cgw_family *fam)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *attr;

	memset(fam, 0, sizeof(*fam));
	if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN ||
	    (genl->cmd != CTRL_CMD_NEWFAMILY &&
	     genl->cmd != CTRL_CMD_DELFAMILY))
		return -EINVAL;
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		if (parse_family_attr(attr, group, fam) < 0)
			return -EINVAL;
	}
	return fam->id ? 0 : -EINVAL;
}

struct family_reply {
	struct cgw_nl *nl;
	const char *group;	/* the multicast group to look for */
	struct cgw_family *fam;
	int seen;		/* a NEWFAMILY reply was parsed */
	int bad;		/* it was malformed */
};

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct family_reply *reply = data;

	if (cgw_nl_parse_family(nlh, reply->group, reply->fam)) {
		reply->bad = 1;
		reply->nl->decode_error.attr = -1;
		reply->nl->decode_error.reason =
			"not a family description the controller sends";
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	reply->seen = 1;
	return MNL_CB_OK;
}

/* Ask the controller for family @name and its multicast group @group. */
static int lookup_family(struct cgw_nl *nl, const char *name,
			 const char *group, struct cgw_family *fam)
{
	static const char step[] = "looking up the Generic Netlink family";
	struct family_reply reply = { .nl = nl, .group = group, .fam = fam };
	union request_buf req;
	struct nlmsghdr *nlh;

	nlh = start_request(nl, &req, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	if (request(nl, nlh, family_cb, &reply) < 0) {
		if (reply.bad)
			return failed(nl, CGW_NL_BAD_REPLY, step, EBADMSG);
		if (errno == ENOENT)
			return failed(nl, CGW_NL_NO_FAMILY, step, errno);
		if (errno == EAGAIN)
			return failed(nl, CGW_NL_NO_REPLY, step, errno);
		return failed(nl, CGW_NL_SYSTEM, step, errno);
	}
	if (!reply.seen) {
		nl->decode_error.attr = -1;
		nl->decode_error.reason = "no family description in the reply";
		return failed(nl, CGW_NL_BAD_REPLY, step, EBADMSG);
	}
	return 0;
}

/* ---- socket ---- */

static int set_reply_timeout(struct cgw_nl *nl)
{
	struct timeval tv = { .tv_sec = CGW_NL_REPLY_TIMEOUT };

	return setsockopt(mnl_socket_get_fd(nl->sock), SOL_SOCKET,
			  SO_RCVTIMEO, &tv, sizeof(tv));
}

int cgw_nl_socket(struct cgw_nl *nl, int protocol)
{
	static const char step[] = "opening a netlink socket";

	memset(nl, 0, sizeof(*nl));
	nl->buf = malloc(CGW_NL_BUF_SIZE);
	if (!nl->buf)
		return failed(nl, CGW_NL_SYSTEM, step, ENOMEM);
	nl->sock = mnl_socket_open(protocol);
	if (!nl->sock)
		return failed(nl, CGW_NL_SYSTEM, step, errno);
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    set_reply_timeout(nl) < 0)
		return failed(nl, CGW_NL_SYSTEM, step, errno);
	nl->portid = mnl_socket_get_portid(nl->sock);
	return 0;
}

int cgw_nl_open(struct cgw_nl *nl, const char *name)
{
	if (cgw_nl_socket(nl, NETLINK_GENERIC) < 0)
		return -1;
	if (lookup_family(nl, name, CGWATCH_MCGRP_FINDINGS, &nl->family) < 0)
		return -1;
	if (nl->family.version != CGWATCH_GENL_VERSION) {
		nl->peer_version = nl->family.version;
		return failed(nl, CGW_NL_VERSION,
			      "checking the family's version", 0);
	}
	return 0;
}

void cgw_nl_close(struct cgw_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
	if (nl->ctrl)
		mnl_socket_close(nl->ctrl);
	nl->ctrl = NULL;
	free(nl->buf);
	nl->buf = NULL;
}

/*
 * Findings come in bursts; a bigger buffer loses fewer of them.
 * SO_RCVBUFFORCE needs CAP_NET_ADMIN; SO_RCVBUF is capped by
 * net.core.rmem_max. Neither failing is fatal.
 */
static void raise_rcvbuf(struct cgw_nl *nl)
{
	int fd = mnl_socket_get_fd(nl->sock);
	int size = CGW_NL_RCVBUF;

	if (!setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		return;
	(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
}

int cgw_nl_subscribe(struct cgw_nl *nl)
{
	static const char step[] = "subscribing to findings";
	unsigned int group = nl->family.group;

	if (!group)
		return failed(nl, CGW_NL_NO_GROUP, step, 0);
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0) {
		if (errno == EPERM || errno == EACCES)
			return failed(nl, CGW_NL_PERMISSION, step, errno);
		return failed(nl, CGW_NL_SYSTEM, step, errno);
	}
	raise_rcvbuf(nl);
	return 0;
}

/*
 * The controller's notifications come on a socket of their own: a flood
 * of findings that overruns the findings socket cannot drown the news of
 * the module's reload.
 */
int cgw_nl_follow_module(struct cgw_nl *nl)
{
	static const char step[] = "following the module's loads and unloads";
	struct cgw_family ctrl;
	unsigned int group;

	if (lookup_family(nl, "nlctrl", "notify", &ctrl) < 0)
		return -1;
	group = ctrl.group;
	if (!group)
		return failed(nl, CGW_NL_NO_GROUP, step, 0);
	nl->ctrl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->ctrl ||
	    mnl_socket_bind(nl->ctrl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_setsockopt(nl->ctrl, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0)
		return failed(nl, CGW_NL_SYSTEM, step, errno);
	return 0;
}

/* ---- status ---- */

struct status_reply {
	struct cgw_nl *nl;
	struct cgw_status *st;
	int seen;
	int bad;
};

static int status_cb(const struct nlmsghdr *nlh, void *data)
{
	struct status_reply *reply = data;

	if (nlh->nlmsg_type != reply->nl->family.id)
		return MNL_CB_OK;
	if (cgw_decode_status(nlh, reply->st, &reply->nl->decode_error)) {
		reply->bad = 1;
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	reply->seen = 1;
	return MNL_CB_OK;
}

static int status_failed(struct cgw_nl *nl, const struct status_reply *r)
{
	static const char step[] = "asking the module for its status";
	int err = errno;

	if (r->bad)
		return failed(nl, CGW_NL_BAD_REPLY, step, EBADMSG);
	switch (err) {
	case EPERM:
	case EACCES:
		return failed(nl, CGW_NL_PERMISSION, step, err);
	case ENOENT:
		return failed(nl, CGW_NL_NO_FAMILY, step, err);
	case EAGAIN:
		return failed(nl, CGW_NL_NO_REPLY, step, err);
	}
	return failed(nl, CGW_NL_SYSTEM, step, err);
}

int cgw_nl_get_status(struct cgw_nl *nl, struct cgw_status *st)
{
	struct status_reply reply = { .nl = nl, .st = st };
	union request_buf req;
	struct nlmsghdr *nlh;

	nlh = start_request(nl, &req, nl->family.id, CGWATCH_CMD_GET_STATUS,
			    CGWATCH_GENL_VERSION);
	if (request(nl, nlh, status_cb, &reply) < 0)
		return status_failed(nl, &reply);
	if (!reply.seen) {
		nl->decode_error.attr = -1;
		nl->decode_error.reason = "no status message in the reply";
		return failed(nl, CGW_NL_BAD_REPLY,
			      "asking the module for its status", EBADMSG);
	}
	if (cgw_status_has(st, CGWATCH_A_PROTOCOL) &&
	    st->protocol != CGWATCH_GENL_VERSION) {
		nl->peer_version = st->protocol;
		return failed(nl, CGW_NL_VERSION,
			      "checking the module's protocol", 0);
	}
	return 0;
}

/* ---- findings ---- */

struct dispatch {
	struct cgw_nl *nl;
	const struct cgw_listener *l;
	int result;		/* 0: go on, 1: stop, -1: failed */
};

static void malformed(const struct cgw_listener *l, int attr,
		      const char *reason)
{
	struct cgw_decode_error err = { .attr = attr, .reason = reason };

	if (l->on_malformed)
		l->on_malformed(&err, l->data);
}

/*
 * Returns 1 if @nlh is a finding of our family, 0 to skip it. Findings of
 * the family before a reload still count: they were sent before it, and
 * may still be queued. Family ids are not reused at once.
 */
static int is_finding(const struct cgw_nl *nl, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);

	if (nlh->nlmsg_type != nl->family.id &&
	    (!nl->previous_id || nlh->nlmsg_type != nl->previous_id))
		return 0;
	if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN)
		return 1;	/* let the decoder reject it */
	return genl->cmd == CGWATCH_CMD_FINDING;
}

static int dispatch_failed(struct dispatch *d)
{
	d->result = -1;
	return MNL_CB_ERROR;
}

/*
 * The controller's news of a family. When the module is unloaded its
 * group goes with it; when it is loaded again, the listener joins the new
 * group, so that it outlives a reload.
 */
static int module_event(struct dispatch *d, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct cgw_nl *nl = d->nl;
	struct cgw_family fam;

	if (cgw_nl_parse_family(nlh, CGWATCH_MCGRP_FINDINGS, &fam) ||
	    strcmp(fam.name, CGWATCH_GENL_NAME))
		return MNL_CB_OK;	/* another family, or other news */
	if (genl->cmd == CTRL_CMD_DELFAMILY) {
		if (fam.id != nl->family.id || !nl->family.group)
			return MNL_CB_OK;
		/* The kernel has dropped the group's members already. */
		nl->family.group = 0;
		if (d->l->on_module)
			d->l->on_module(0, d->l->data);
		return MNL_CB_OK;
	}
	if (fam.id == nl->family.id)
		return MNL_CB_OK;
	if (fam.version != CGWATCH_GENL_VERSION) {
		nl->peer_version = fam.version;
		failed(nl, CGW_NL_VERSION, "following the reloaded module", 0);
		return dispatch_failed(d);
	}
	nl->previous_id = nl->family.id;
	nl->family = fam;
	if (cgw_nl_subscribe(nl) < 0)
		return dispatch_failed(d);
	if (d->l->on_module)
		d->l->on_module(1, d->l->data);
	return MNL_CB_OK;
}

static int finding_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dispatch *d = data;
	struct cgw_decode_error err;
	struct cgw_finding f;
	int ret;

	if (nlh->nlmsg_type == GENL_ID_CTRL)
		return module_event(d, nlh);
	if (!is_finding(d->nl, nlh))
		return MNL_CB_OK;	/* newer commands: not ours */
	if (cgw_decode_finding(nlh, &f, &err) < 0) {
		malformed(d->l, err.attr, err.reason);
		return MNL_CB_OK;
	}
	ret = d->l->on_finding(&f, d->l->data);
	if (ret < 0) {
		failed(d->nl, CGW_NL_SYSTEM, "writing a finding", errno);
		return dispatch_failed(d);
	}
	if (ret > 0) {
		d->result = 1;
		return MNL_CB_STOP;
	}
	return MNL_CB_OK;
}

int cgw_nl_dispatch(struct cgw_nl *nl, const void *buf, size_t len,
		    const struct cgw_listener *l)
{
	struct dispatch d = { .nl = nl, .l = l };

	/* Errors other than the callback's (stray NLMSG_ERROR) are ignored. */
	mnl_cb_run(buf, len, 0, 0, finding_cb, &d);
	return d.result;
}

/* Time until @deadline; false once it has passed. */
static bool time_left(const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += 1000000000;
		left->tv_sec--;
	}
	return left->tv_sec > 0 || (left->tv_sec == 0 && left->tv_nsec > 0);
}

enum wait_result { WAIT_READY, WAIT_AGAIN, WAIT_DONE, WAIT_FAILED };

/* Wait for a datagram on either socket; @ready says which had one. */
static enum wait_result wait_for_data(struct cgw_nl *nl,
				      const struct cgw_listener *l,
				      short ready[2])
{
	struct pollfd pfd[2] = {
		{ .fd = mnl_socket_get_fd(nl->sock), .events = POLLIN },
		{ .fd = nl->ctrl ? mnl_socket_get_fd(nl->ctrl) : -1,
		  .events = POLLIN },
	};
	struct timespec left, *timeout = NULL;
	int n;

	if (l->deadline) {
		if (!time_left(l->deadline, &left))
			return WAIT_DONE;
		timeout = &left;
	}
	n = ppoll(pfd, 2, timeout, l->sigmask);
	if (n > 0) {
		ready[0] = pfd[0].revents;
		ready[1] = pfd[1].revents;
		return WAIT_READY;
	}
	if (n == 0 || errno == EINTR)
		return WAIT_AGAIN;
	failed(nl, CGW_NL_SYSTEM, "waiting for findings", errno);
	return WAIT_FAILED;
}

static void overrun(struct cgw_nl *nl, const struct cgw_listener *l)
{
	nl->overruns++;
	if (l->on_overrun)
		l->on_overrun(nl->overruns, l->data);
}

/* A datagram that another port sent was dropped. */
static void foreign(const struct cgw_nl *nl, const struct cgw_listener *l,
		    uint32_t port)
{
	if (l->on_foreign)
		l->on_foreign(nl->foreign, port, l->data);
}

/* Read one datagram of findings. Returns 1 to stop, 0 to go on, -1. */
static int receive_findings(struct cgw_nl *nl, const struct cgw_listener *l)
{
	uint32_t port;
	ssize_t n = receive(nl, nl->sock, MSG_DONTWAIT, &port);

	if (n >= 0 && port == nl->sender)
		return cgw_nl_dispatch(nl, nl->buf, n, l);
	if (n >= 0) {
		foreign(nl, l, port);
		return 0;
	}
	switch (errno) {
	case ENOBUFS:
		overrun(nl, l);
		return 0;
	case ENOSPC:	/* the datagram did not fit the buffer */
		malformed(l, -1, "message larger than the receive buffer");
		return 0;
	case EINTR:
	case EAGAIN:
		return 0;
	}
	return failed(nl, CGW_NL_SYSTEM, "receiving findings", errno);
}

/*
 * Read all the controller's news that has arrived. Returns 0 to go on,
 * -1 on failure (news lost to an overrun included).
 */
static int receive_news(struct cgw_nl *nl, const struct cgw_listener *l)
{
	uint32_t port;
	ssize_t n;

	while ((n = receive(nl, nl->ctrl, MSG_DONTWAIT, &port)) >= 0) {
		if (port != nl->sender)
			foreign(nl, l, port);
		else if (cgw_nl_dispatch(nl, nl->buf, n, l) < 0)
			return -1;
	}
	if (errno == EAGAIN || errno == EINTR)
		return 0;
	return failed(nl, CGW_NL_SYSTEM,
		      "following the module's loads and unloads", errno);
}

/*
 * The news of a reload is queued before any finding of the new family
 * can be. So when both sockets had something at the same moment, the
 * news is read first, all of it; and findings are read only when the
 * wait said they were there, never a datagram that came after the news
 * was read.
 */
int cgw_nl_listen(struct cgw_nl *nl, const struct cgw_listener *l)
{
	short ready[2];
	int ret;

	for (;;) {
		if (l->stop && *l->stop)
			return 0;
		switch (wait_for_data(nl, l, ready)) {
		case WAIT_FAILED:
			return -1;
		case WAIT_DONE:
			return 0;
		case WAIT_AGAIN:
			continue;
		case WAIT_READY:
			break;
		}
		ret = ready[1] ? receive_news(nl, l) : 0;
		if (!ret && ready[0])
			ret = receive_findings(nl, l);
		if (ret)
			return ret < 0 ? -1 : 0;
	}
}
