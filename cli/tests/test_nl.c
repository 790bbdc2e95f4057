// SPDX-License-Identifier: GPL-2.0
/*
 * test_nl.c - nl.c: parsing the controller's family reply, handing
 * findings to the listener, and the receive loop on real sockets.
 *
 * The module cannot be loaded here, so the loop is driven over a
 * NETLINK_USERSOCK socket: a second socket in this process sends it the
 * same finding messages the module would multicast. The family lookup
 * is tried for real against the kernel's own "nlctrl" family (protocol
 * version 2) and against a family that does not exist.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "nl.h"
#include "msg.h"
#include "unit.h"

/* NETLINK_USERSOCK multicast group for the overrun test. */
#define TEST_GROUP	23

/* ---- the controller's reply ---- */

struct group_def {
	const char *name;
	uint32_t id;
};

/* What the controller says of family @name: @cmd NEWFAMILY or DELFAMILY. */
static struct nlmsghdr *family_msg(void *buf, uint8_t cmd, const char *name,
				   uint16_t id, uint32_t version,
				   const struct group_def *groups, int n)
{
	struct nlmsghdr *nlh = msg_start(buf, GENL_ID_CTRL, cmd);
	struct nlattr *all, *one;
	int i;

	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	if (id)
		mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, id);
	mnl_attr_put_u32(nlh, CTRL_ATTR_VERSION, version);
	mnl_attr_put_u32(nlh, CTRL_ATTR_HDRSIZE, 0);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MAXATTR, CGWATCH_A_MAX);
	all = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	for (i = 0; i < n; i++) {
		one = mnl_attr_nest_start(nlh, i + 1);
		mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME,
				  groups[i].name);
		mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, groups[i].id);
		mnl_attr_nest_end(nlh, one);
	}
	mnl_attr_nest_end(nlh, all);
	return nlh;
}

static struct nlmsghdr *family_reply(void *buf, uint16_t id,
				     const struct group_def *groups, int n)
{
	return family_msg(buf, CTRL_CMD_NEWFAMILY, CGWATCH_GENL_NAME, id,
			  CGWATCH_GENL_VERSION, groups, n);
}

static void test_parse_family(void **state)
{
	static const struct group_def groups[] = {
		{ "config", 11 },
		{ CGWATCH_MCGRP_FINDINGS, 12 },
	};
	union msg_buf buf;
	struct cgw_family fam;

	(void)state;
	assert_int_equal(cgw_nl_parse_family(family_reply(buf.data, 0x1f,
							  groups, 2),
					     CGWATCH_MCGRP_FINDINGS, &fam), 0);
	assert_string_equal(fam.name, CGWATCH_GENL_NAME);
	assert_int_equal(fam.id, 0x1f);
	assert_int_equal(fam.version, CGWATCH_GENL_VERSION);
	assert_int_equal(fam.group, 12);
}

static void test_parse_family_no_group(void **state)
{
	static const struct group_def groups[] = { { "config", 11 } };
	union msg_buf buf;
	struct cgw_family fam;

	(void)state;
	assert_int_equal(cgw_nl_parse_family(family_reply(buf.data, 0x20,
							  groups, 1),
					     CGWATCH_MCGRP_FINDINGS, &fam), 0);
	assert_int_equal(fam.id, 0x20);
	assert_int_equal(fam.group, 0);
}

static void test_parse_family_rejects(void **state)
{
	static const struct group_def groups[] = {
		{ CGWATCH_MCGRP_FINDINGS, 12 },
	};
	union msg_buf buf;
	struct cgw_family fam;
	struct nlmsghdr *nlh;
	struct nlattr *all, *one;

	(void)state;
	/* no family id */
	nlh = family_reply(buf.data, 0, groups, 1);
	assert_int_equal(cgw_nl_parse_family(nlh, CGWATCH_MCGRP_FINDINGS,
					     &fam), -EINVAL);

	/* group id of the wrong size */
	nlh = family_reply(buf.data, 0x1f, groups, 0);
	all = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	one = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "findings");
	mnl_attr_put_u16(nlh, CTRL_ATTR_MCAST_GRP_ID, 12);
	mnl_attr_nest_end(nlh, one);
	mnl_attr_nest_end(nlh, all);
	assert_int_equal(cgw_nl_parse_family(nlh, CGWATCH_MCGRP_FINDINGS,
					     &fam), -EINVAL);

	/* not a NEWFAMILY message */
	nlh = msg_start(buf.data, GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x1f);
	assert_int_equal(cgw_nl_parse_family(nlh, CGWATCH_MCGRP_FINDINGS,
					     &fam), -EINVAL);
}

/* ---- family lookup against the running kernel ---- */

static void test_open_missing_family(void **state)
{
	struct cgw_nl nl;

	(void)state;
	assert_int_equal(cgw_nl_open(&nl, "cgw-no-such-fam"), -1);
	assert_int_equal(nl.failure, CGW_NL_NO_FAMILY);
	assert_int_equal(nl.error, ENOENT);
	cgw_nl_close(&nl);
}

/* nlctrl exists everywhere and speaks version 2: a version mismatch. */
static void test_open_version_mismatch(void **state)
{
	struct cgw_nl nl;

	(void)state;
	assert_int_equal(cgw_nl_open(&nl, "nlctrl"), -1);
	assert_int_equal(nl.failure, CGW_NL_VERSION);
	assert_int_equal(nl.peer_version, 2);
	assert_int_equal(nl.family.id, GENL_ID_CTRL);
	assert_int_equal(nl.family.group, 0);

	/* and it has no "findings" group to join */
	assert_int_equal(cgw_nl_subscribe(&nl), -1);
	assert_int_equal(nl.failure, CGW_NL_NO_GROUP);
	cgw_nl_close(&nl);
}

/* ---- handing findings to the listener ---- */

struct sink {
	int findings;
	uint32_t pids[64];
	int stop_after;		/* 0: never ask to stop */
	int fail_with;		/* errno to fail with, 0: never */
	int malformed;
	int bad_attr;
	int overrun_calls;
	unsigned long last_overruns;
	int module_events[8];	/* 0: unloaded, 1: loaded again */
	int n_module_events;
	unsigned long foreign;
	uint32_t foreign_port;
};

static int sink_finding(const struct cgw_finding *f, void *data)
{
	struct sink *s = data;

	if (s->fail_with) {
		errno = s->fail_with;
		return -1;
	}
	if (s->findings < (int)ARRAY_SIZE(s->pids))
		s->pids[s->findings] = f->pid;
	s->findings++;
	return s->stop_after && s->findings >= s->stop_after;
}

static void sink_malformed(const struct cgw_decode_error *err, void *data)
{
	struct sink *s = data;

	s->malformed++;
	s->bad_attr = err->attr;
}

static void sink_overrun(unsigned long overruns, void *data)
{
	struct sink *s = data;

	s->overrun_calls++;
	s->last_overruns = overruns;
}

static void sink_module(int loaded, void *data)
{
	struct sink *s = data;

	if (s->n_module_events < (int)ARRAY_SIZE(s->module_events))
		s->module_events[s->n_module_events] = loaded;
	s->n_module_events++;
}

static void sink_foreign(unsigned long count, uint32_t port, void *data)
{
	struct sink *s = data;

	s->foreign = count;
	s->foreign_port = port;
}

static struct cgw_listener listener_for(struct sink *s)
{
	struct cgw_listener l = {
		.on_finding = sink_finding,
		.on_malformed = sink_malformed,
		.on_overrun = sink_overrun,
		.on_module = sink_module,
		.on_foreign = sink_foreign,
		.data = s,
	};

	return l;
}

/* Where the next message of a multi-message buffer goes. */
static char *after(const struct nlmsghdr *nlh)
{
	return (char *)nlh + MNL_ALIGN(nlh->nlmsg_len);
}

/*
 * One datagram holding: a finding, a message of another family, another
 * command of ours, a finding with a bad attribute, a finding.
 */
static size_t mixed_batch(char *buf)
{
	struct nlmsghdr *nlh;
	char *p = buf;

	p = after(msg_small_finding(p, 101));
	nlh = msg_small_finding(p, 102);
	nlh->nlmsg_type = TEST_FAMILY_ID + 1;
	p = after(nlh);
	p = after(msg_start(p, TEST_FAMILY_ID, CGWATCH_CMD_MAX + 1));
	nlh = msg_small_finding(p, 103);
	mnl_attr_put_u16(nlh, CGWATCH_A_UID, 0);
	p = after(nlh);
	p = after(msg_small_finding(p, 104));
	return p - buf;
}

static void test_dispatch_mixed(void **state)
{
	union msg_buf buf;
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl = { .family.id = TEST_FAMILY_ID };
	size_t len = mixed_batch(buf.data);

	(void)state;
	assert_int_equal(cgw_nl_dispatch(&nl, buf.data, len, &l), 0);
	assert_int_equal(s.findings, 2);
	assert_int_equal(s.pids[0], 101);
	assert_int_equal(s.pids[1], 104);
	assert_int_equal(s.malformed, 1);
	assert_int_equal(s.bad_attr, CGWATCH_A_UID);
}

static void test_dispatch_stop(void **state)
{
	union msg_buf buf;
	struct sink s = { .stop_after = 1 };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl = { .family.id = TEST_FAMILY_ID };
	size_t len = mixed_batch(buf.data);

	(void)state;
	assert_int_equal(cgw_nl_dispatch(&nl, buf.data, len, &l), 1);
	assert_int_equal(s.findings, 1);
	assert_int_equal(s.malformed, 0);
}

static void test_dispatch_output_error(void **state)
{
	union msg_buf buf;
	struct sink s = { .fail_with = ENOSPC };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl = { .family.id = TEST_FAMILY_ID };
	size_t len = mixed_batch(buf.data);

	(void)state;
	assert_int_equal(cgw_nl_dispatch(&nl, buf.data, len, &l), -1);
	assert_int_equal(nl.failure, CGW_NL_SYSTEM);
	assert_int_equal(nl.error, ENOSPC);
}

/* ---- the receive loop on sockets ---- */

static void open_receiver(struct cgw_nl *nl)
{
	assert_int_equal(cgw_nl_socket(nl, NETLINK_USERSOCK), 0);
	nl->family.id = TEST_FAMILY_ID;
}

/* A second socket, bound so that its port is known before it sends. */
static int open_sender(void)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
			NETLINK_USERSOCK);

	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
	return fd;
}

static uint32_t port_of(int fd)
{
	struct sockaddr_nl addr;
	socklen_t len = sizeof(addr);

	assert_int_equal(getsockname(fd, (struct sockaddr *)&addr, &len), 0);
	return addr.nl_pid;
}

/* Unicast to @portid, or multicast to @group if @portid is 0. */
static void send_msg(int fd, uint32_t portid, unsigned int group,
		     const struct nlmsghdr *nlh)
{
	struct sockaddr_nl to = {
		.nl_family = AF_NETLINK,
		.nl_pid = portid,
		.nl_groups = group ? 1u << (group - 1) : 0,
	};
	ssize_t n = sendto(fd, nlh, nlh->nlmsg_len, MSG_DONTWAIT,
			   (struct sockaddr *)&to, sizeof(to));

	/* A group send also "unicasts" to the absent kernel socket. */
	if (!group)
		assert_int_equal(n, nlh->nlmsg_len);
}

static void deadline_in(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000;
	if (ts->tv_nsec >= 1000000000) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000;
	}
}

static long ms_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) * 1000 +
	       (now.tv_nsec - start->tv_nsec) / 1000000;
}

static void test_listen_count(void **state)
{
	union msg_buf buf;
	struct sink s = { .stop_after = 2 };
	struct cgw_listener l = listener_for(&s);
	struct timespec deadline;
	struct cgw_nl nl;
	int fd = open_sender();
	uint32_t pid;

	(void)state;
	open_receiver(&nl);
	nl.sender = port_of(fd);
	for (pid = 201; pid <= 203; pid++)
		send_msg(fd, nl.portid, 0, msg_small_finding(buf.data, pid));
	deadline_in(&deadline, 5000);	/* only if something breaks */
	l.deadline = &deadline;

	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(s.findings, 2);
	assert_int_equal(s.pids[0], 201);
	assert_int_equal(s.pids[1], 202);
	close(fd);
	cgw_nl_close(&nl);
}

static void test_listen_deadline(void **state)
{
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct timespec start, deadline;
	struct cgw_nl nl;
	long ms;

	(void)state;
	open_receiver(&nl);
	clock_gettime(CLOCK_MONOTONIC, &start);
	deadline_in(&deadline, 150);
	l.deadline = &deadline;

	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	ms = ms_since(&start);
	assert_true(ms >= 149);
	assert_true(ms < 3000);
	assert_int_equal(s.findings, 0);
	cgw_nl_close(&nl);
}

static void test_listen_stop_flag_set(void **state)
{
	union msg_buf buf;
	volatile sig_atomic_t stop = 1;
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl;
	int fd = open_sender();

	(void)state;
	open_receiver(&nl);
	nl.sender = port_of(fd);
	send_msg(fd, nl.portid, 0, msg_small_finding(buf.data, 1));
	l.stop = &stop;
	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(s.findings, 0);
	close(fd);
	cgw_nl_close(&nl);
}

static volatile sig_atomic_t usr1_seen;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen = 1;
}

/*
 * A signal that arrives while it is blocked, before the wait, still
 * ends the wait at once: the wait unblocks it atomically (ppoll).
 */
static void test_listen_signal_wakes(void **state)
{
	struct sigaction sa = { .sa_handler = on_usr1 }, old_sa;
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct timespec start, deadline;
	sigset_t usr1, old_mask, wait_mask;
	struct cgw_nl nl;

	(void)state;
	open_receiver(&nl);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	assert_int_equal(sigprocmask(SIG_BLOCK, &usr1, &old_mask), 0);
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGUSR1, &sa, &old_sa), 0);
	usr1_seen = 0;
	raise(SIGUSR1);
	assert_int_equal(usr1_seen, 0);	/* still pending */

	wait_mask = old_mask;
	sigdelset(&wait_mask, SIGUSR1);
	l.sigmask = &wait_mask;
	l.stop = &usr1_seen;
	clock_gettime(CLOCK_MONOTONIC, &start);
	deadline_in(&deadline, 5000);
	l.deadline = &deadline;

	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(usr1_seen, 1);
	assert_true(ms_since(&start) < 2000);

	sigaction(SIGUSR1, &old_sa, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	cgw_nl_close(&nl);
}

static int rcvbuf_of(const struct cgw_nl *nl)
{
	int size = 0;
	socklen_t len = sizeof(size);

	assert_int_equal(getsockopt(mnl_socket_get_fd(nl->sock), SOL_SOCKET,
				    SO_RCVBUF, &size, &len), 0);
	return size;
}

/*
 * More multicast findings than the socket buffer holds: the kernel
 * drops some and reports ENOBUFS once; the loop counts one overrun,
 * delivers what was queued, and later findings still arrive.
 */
static void test_listen_overrun(void **state)
{
	union msg_buf buf;
	struct sink s = { .stop_after = 0 };
	struct cgw_listener l = listener_for(&s);
	struct timespec deadline;
	struct cgw_nl nl;
	int fd = open_sender();
	int tiny = 1, i, queued;

	(void)state;
	open_receiver(&nl);
	nl.sender = port_of(fd);
	nl.family.group = TEST_GROUP;
	assert_int_equal(cgw_nl_subscribe(&nl), 0);
	if (geteuid() == 0)
		assert_true(rcvbuf_of(&nl) >= CGW_NL_RCVBUF);
	assert_int_equal(setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET,
				    SO_RCVBUF, &tiny, sizeof(tiny)), 0);

	for (i = 0; i < 64; i++)
		send_msg(fd, 0, TEST_GROUP, msg_example_finding(buf.data));
	deadline_in(&deadline, 300);
	l.deadline = &deadline;
	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(s.overrun_calls, 1);
	assert_int_equal(s.last_overruns, 1);
	assert_int_equal(nl.overruns, 1);
	assert_true(s.findings >= 1);
	assert_true(s.findings < 64);
	assert_int_equal(s.pids[0], 812);

	queued = s.findings;
	s.stop_after = queued + 1;
	send_msg(fd, 0, TEST_GROUP, msg_small_finding(buf.data, 999));
	deadline_in(&deadline, 5000);
	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(s.findings, queued + 1);
	assert_int_equal(s.pids[queued], 999);
	assert_int_equal(s.overrun_calls, 1);
	close(fd);
	cgw_nl_close(&nl);
}

/*
 * Any local process may send to the listener's port: what does not come
 * from the expected sender (the kernel, in real use) is dropped, counted
 * and reported, and listening goes on.
 */
static void test_listen_drops_foreign(void **state)
{
	union msg_buf buf;
	struct sink s = { .stop_after = 1 };
	struct cgw_listener l = listener_for(&s);
	struct timespec deadline;
	struct cgw_nl nl;
	int trusted = open_sender(), other = open_sender();

	(void)state;
	open_receiver(&nl);
	nl.sender = port_of(trusted);
	send_msg(other, nl.portid, 0, msg_small_finding(buf.data, 7));
	send_msg(trusted, nl.portid, 0, msg_small_finding(buf.data, 8));
	deadline_in(&deadline, 5000);	/* only if something breaks */
	l.deadline = &deadline;

	assert_int_equal(cgw_nl_listen(&nl, &l), 0);
	assert_int_equal(s.findings, 1);
	assert_int_equal(s.pids[0], 8);
	assert_int_equal(nl.foreign, 1);
	assert_int_equal(s.foreign, 1);
	assert_int_equal(s.foreign_port, port_of(other));
	close(trusted);
	close(other);
	cgw_nl_close(&nl);
}

/*
 * One datagram with: a finding; the module unloaded; a finding of the
 * old id still queued; news of other families; the module loaded again
 * with a new id and group; a finding of the new id; one more of the old
 * id; one of a family that is neither.
 */
static size_t reload_batch(char *buf, uint32_t new_version)
{
	static const struct group_def old_groups[] = {
		{ CGWATCH_MCGRP_FINDINGS, TEST_GROUP },
	};
	static const struct group_def new_groups[] = {
		{ CGWATCH_MCGRP_FINDINGS, TEST_GROUP + 1 },
	};
	struct nlmsghdr *nlh;
	char *p = buf;

	p = after(msg_small_finding(p, 101));
	p = after(family_msg(p, CTRL_CMD_DELFAMILY, "other", 0x30, 1,
			     NULL, 0));
	p = after(family_msg(p, CTRL_CMD_DELFAMILY, CGWATCH_GENL_NAME,
			     TEST_FAMILY_ID, CGWATCH_GENL_VERSION,
			     old_groups, 1));
	p = after(msg_small_finding(p, 102));
	p = after(family_msg(p, CTRL_CMD_NEWFAMILY, "other", 0x31, 1,
			     NULL, 0));
	p = after(family_msg(p, CTRL_CMD_NEWFAMILY, CGWATCH_GENL_NAME,
			     TEST_FAMILY_ID + 1, new_version, new_groups, 1));
	nlh = msg_small_finding(p, 103);
	nlh->nlmsg_type = TEST_FAMILY_ID + 1;
	p = after(nlh);
	p = after(msg_small_finding(p, 104));
	nlh = msg_small_finding(p, 105);
	nlh->nlmsg_type = TEST_FAMILY_ID + 2;
	p = after(nlh);
	return p - buf;
}

static void test_dispatch_module_reload(void **state)
{
	union msg_buf buf;
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl;
	size_t len = reload_batch(buf.data, CGWATCH_GENL_VERSION);

	(void)state;
	open_receiver(&nl);
	nl.family.group = TEST_GROUP;
	assert_int_equal(cgw_nl_dispatch(&nl, buf.data, len, &l), 0);
	assert_int_equal(s.findings, 4);
	assert_int_equal(s.pids[0], 101);
	assert_int_equal(s.pids[1], 102);
	assert_int_equal(s.pids[2], 103);
	assert_int_equal(s.pids[3], 104);
	assert_int_equal(s.n_module_events, 2);
	assert_int_equal(s.module_events[0], 0);
	assert_int_equal(s.module_events[1], 1);
	assert_int_equal(nl.family.id, TEST_FAMILY_ID + 1);
	assert_int_equal(nl.family.group, TEST_GROUP + 1);
	cgw_nl_close(&nl);
}

/* A module that comes back speaking another version ends the listening. */
static void test_dispatch_reload_other_version(void **state)
{
	union msg_buf buf;
	struct sink s = { 0 };
	struct cgw_listener l = listener_for(&s);
	struct cgw_nl nl;
	size_t len = reload_batch(buf.data, CGWATCH_GENL_VERSION + 1);

	(void)state;
	open_receiver(&nl);
	nl.family.group = TEST_GROUP;
	assert_int_equal(cgw_nl_dispatch(&nl, buf.data, len, &l), -1);
	assert_int_equal(nl.failure, CGW_NL_VERSION);
	assert_int_equal(nl.peer_version, CGWATCH_GENL_VERSION + 1);
	assert_int_equal(s.findings, 2);
	assert_int_equal(s.n_module_events, 1);
	cgw_nl_close(&nl);
}

/* The real controller's notification group can be joined by anyone. */
static void test_follow_module(void **state)
{
	struct cgw_nl nl;

	(void)state;
	assert_int_equal(cgw_nl_socket(&nl, NETLINK_GENERIC), 0);
	assert_int_equal(cgw_nl_follow_module(&nl), 0);
	cgw_nl_close(&nl);
}

void run_nl_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_family),
		cmocka_unit_test(test_parse_family_no_group),
		cmocka_unit_test(test_parse_family_rejects),
		cmocka_unit_test(test_open_missing_family),
		cmocka_unit_test(test_open_version_mismatch),
		cmocka_unit_test(test_dispatch_mixed),
		cmocka_unit_test(test_dispatch_stop),
		cmocka_unit_test(test_dispatch_output_error),
		cmocka_unit_test(test_listen_count),
		cmocka_unit_test(test_listen_deadline),
		cmocka_unit_test(test_listen_stop_flag_set),
		cmocka_unit_test(test_listen_signal_wakes),
		cmocka_unit_test(test_listen_overrun),
		cmocka_unit_test(test_listen_drops_foreign),
		cmocka_unit_test(test_dispatch_module_reload),
		cmocka_unit_test(test_dispatch_reload_other_version),
		cmocka_unit_test(test_follow_module),
	};

	UNIT_RUN(t, "nl", tests);
}
