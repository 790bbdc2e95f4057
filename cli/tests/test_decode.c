// SPDX-License-Identifier: GPL-2.0
/*
 * test_decode.c - decode.c against messages built attribute by
 * attribute: exact values, and rejection of malformed attributes.
 */
#include <errno.h>
#include <string.h>
#include <asm/fcntl.h>
#include <linux/genetlink.h>

#include "decode.h"
#include "msg.h"
#include "unit.h"

#define BIT(a)	(UINT64_C(1) << (a))

/* Every attribute type the example finding carries (not the pad). */
static uint64_t example_mask(void)
{
	uint64_t mask = 0;
	unsigned int a;

	for (a = CGWATCH_A_RULE_ID; a <= CGWATCH_A_NETNS; a++)
		mask |= BIT(a);
	return mask;
}

static void test_full_finding(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_example_finding(buf.data);
	struct cgw_finding f;

	(void)state;
	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_true(f.present == example_mask());
	assert_string_equal(f.rule_id, "TRC-106");
	assert_string_equal(f.rule_name,
			    "cgroup v1 notify_on_release opened for writing");
	assert_int_equal(f.severity, 3);
	assert_string_equal(f.mitre_technique, "T1611");
	assert_true(f.time_ns == UINT64_C(1796325058123456789));
	assert_int_equal(f.pid, 812);
	assert_int_equal(f.tid, 813);
	assert_int_equal(f.ns_pid, 1);
	assert_int_equal(f.ppid, 800);
	assert_int_equal(f.uid, 0);
	assert_int_equal(f.gid, 1001);
	assert_int_equal(f.euid, 1002);
	assert_string_equal(f.comm, "sh");
	assert_string_equal(f.exe, "/bin/busybox");
	assert_string_equal(f.file_path, "/tmp/c/x/notify_on_release");
	assert_string_equal(f.cgroup_file, "/x/notify_on_release");
	assert_string_equal(f.hierarchy, "rdma");
	assert_int_equal(f.flags, O_WRONLY | O_CREAT | O_TRUNC);
	assert_int_equal(f.dev, 0x10010305);
	assert_true(f.ino == UINT64_C(123456789012));
	assert_string_equal(f.cgroup_path, "/docker/" TEST_CONTAINER_ID);
	assert_int_equal(f.container, 1);
	assert_string_equal(f.container_id, TEST_CONTAINER_ID);
	assert_int_equal(f.runtime, CGWATCH_RUNTIME_DOCKER);
	assert_string_equal(f.runtime_name, "docker");
	assert_true(f.pidns == 4026532290u);
	assert_true(f.mntns == 4026532288u);
	assert_true(f.cgroupns == 4026532291u);
	assert_true(f.userns == 4026531837u);
	assert_true(f.netns == 4026532293u);
}

/* The example has pad attributes before its u64s, as the kernel adds. */
static void test_u64_after_pad_attribute(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	const struct nlattr *attr;
	struct cgw_finding f;
	int pads = 0;

	(void)state;
	/* 16 + 4 + 12 bytes: the next payload would be misaligned. */
	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_ID, "TRC-106");
	msg_put_u64_padded(nlh, CGWATCH_A_TIME_NS, UINT64_MAX - 1);
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == CGWATCH_A_PAD)
			pads++;
	assert_int_equal(pads, 1);

	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_true(f.time_ns == UINT64_MAX - 1);
	assert_true(f.present ==
		    (BIT(CGWATCH_A_RULE_ID) | BIT(CGWATCH_A_TIME_NS)));
}

/* Without the pad the u64 payload is only 4-byte aligned. */
static void test_u64_unaligned(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	struct cgw_finding f;
	uintptr_t payload;

	(void)state;
	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_ID, "TRC-106");
	payload = (uintptr_t)mnl_nlmsg_get_payload_tail(nlh) + MNL_ATTR_HDRLEN;
	assert_int_equal(payload % 8, 4);
	mnl_attr_put_u64(nlh, CGWATCH_A_INO, UINT64_C(0x0102030405060708));
	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_true(f.ino == UINT64_C(0x0102030405060708));
}

static void expect_reject(struct nlmsghdr *nlh, int attr, const char *why)
{
	struct cgw_decode_error err = { .attr = 12345, .reason = NULL };
	struct cgw_finding f;

	assert_int_equal(cgw_decode_finding(nlh, &f, &err), -EINVAL);
	assert_int_equal(err.attr, attr);
	assert_non_null(err.reason);
	assert_string_equal(err.reason, why);
}

static void test_u32_wrong_length(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	(void)state;
	mnl_attr_put_u16(nlh, CGWATCH_A_SEVERITY, 3);
	expect_reject(nlh, CGWATCH_A_SEVERITY, "wrong length");
}

static void test_u64_wrong_length(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	(void)state;
	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_ID, "TRC-106");
	mnl_attr_put_u32(nlh, CGWATCH_A_TIME_NS, 1);
	expect_reject(nlh, CGWATCH_A_TIME_NS, "wrong length");
}

static void test_u8_wrong_length(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	(void)state;
	mnl_attr_put_u32(nlh, CGWATCH_A_CONTAINER, 1);
	expect_reject(nlh, CGWATCH_A_CONTAINER, "wrong length");
}

static void test_string_not_nul_terminated(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	(void)state;
	mnl_attr_put(nlh, CGWATCH_A_COMM, 4, "bash");
	expect_reject(nlh, CGWATCH_A_COMM, "string not NUL-terminated");
}

static void test_string_empty_payload(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	(void)state;
	mnl_attr_put(nlh, CGWATCH_A_EXE, 0, NULL);
	expect_reject(nlh, CGWATCH_A_EXE, "string not NUL-terminated");
}

static void test_string_too_long(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	char comm[CGW_COMM_SIZE + 1];

	(void)state;
	memset(comm, 'a', sizeof(comm) - 1);
	comm[sizeof(comm) - 1] = '\0';	/* one byte more than fits */
	mnl_attr_put_strz(nlh, CGWATCH_A_COMM, comm);
	expect_reject(nlh, CGWATCH_A_COMM, "string too long");
}

/* The longest container id the header allows still fits exactly. */
static void test_container_id_at_limit(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	char id[CGWATCH_CONTAINER_ID_MAX + 2];
	struct cgw_finding f;

	(void)state;
	memset(id, 'z', CGWATCH_CONTAINER_ID_MAX);
	id[CGWATCH_CONTAINER_ID_MAX] = '\0';
	mnl_attr_put_strz(nlh, CGWATCH_A_CONTAINER_ID, id);
	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_int_equal(strlen(f.container_id), CGWATCH_CONTAINER_ID_MAX);

	nlh = msg_start(buf.data, TEST_FAMILY_ID, CGWATCH_CMD_FINDING);
	id[CGWATCH_CONTAINER_ID_MAX] = 'z';
	id[CGWATCH_CONTAINER_ID_MAX + 1] = '\0';
	mnl_attr_put_strz(nlh, CGWATCH_A_CONTAINER_ID, id);
	expect_reject(nlh, CGWATCH_A_CONTAINER_ID, "string too long");
}

static void test_unknown_attributes_ignored(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	struct cgw_finding f;

	(void)state;
	mnl_attr_put_u32(nlh, CGWATCH_A_PID, 42);
	/* A newer module's attribute, of a length no known type has. */
	mnl_attr_put(nlh, CGWATCH_A_MAX + 1, 3, "xyz");
	mnl_attr_put_u16(nlh, 200, 7);
	/* A status attribute has no place in a finding. */
	mnl_attr_put_u32(nlh, CGWATCH_A_PROTOCOL, 99);
	mnl_attr_put_strz(nlh, CGWATCH_A_COMM, "cat");

	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_true(f.present == (BIT(CGWATCH_A_PID) | BIT(CGWATCH_A_COMM)));
	assert_int_equal(f.pid, 42);
	assert_string_equal(f.comm, "cat");
}

static void test_missing_fields_absent(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_small_finding(buf.data, 77);
	struct cgw_finding f;

	(void)state;
	memset(&f, 0xff, sizeof(f));	/* the decoder must clear it */
	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_true(f.present == (BIT(CGWATCH_A_RULE_ID) | BIT(CGWATCH_A_PID)));
	assert_false(cgw_finding_has(&f, CGWATCH_A_CONTAINER));
	assert_false(cgw_finding_has(&f, CGWATCH_A_TIME_NS));
	assert_int_equal(f.pid, 77);
	assert_string_equal(f.comm, "");
	assert_int_equal(f.time_ns, 0);
}

static void test_wrong_command(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_example_status(buf.data);

	(void)state;
	expect_reject(nlh, -1, "unexpected command");
}

static void test_message_too_short(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf.data);

	(void)state;
	nlh->nlmsg_type = TEST_FAMILY_ID;	/* no genlmsghdr at all */
	expect_reject(nlh, -1, "message too short");
}

static void test_truncated_attribute(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_small_finding(buf.data, 5);
	struct nlattr *last;

	(void)state;
	last = mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put_u32(nlh, CGWATCH_A_UID, 1000);
	last->nla_len = 64;	/* claims more than the message holds */
	expect_reject(nlh, -1, "truncated attribute");
}

/* A string with a NUL inside ends there; the rest is not read. */
static void test_string_embedded_nul(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);
	struct cgw_finding f;

	(void)state;
	mnl_attr_put(nlh, CGWATCH_A_COMM, 6, "ab\0cd");
	assert_int_equal(cgw_decode_finding(nlh, &f, NULL), 0);
	assert_string_equal(f.comm, "ab");
}

static void test_attrs_only_entry(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_example_finding(buf.data);
	const void *attrs = mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN);
	size_t len = (const char *)mnl_nlmsg_get_payload_tail(nlh) -
		     (const char *)attrs;
	struct cgw_finding f;

	(void)state;
	assert_int_equal(cgw_decode_finding_attrs(attrs, len, &f, NULL), 0);
	assert_true(f.present == example_mask());
	assert_string_equal(f.container_id, TEST_CONTAINER_ID);
}

static void test_status_full(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_example_status(buf.data);
	struct cgw_status s;

	(void)state;
	assert_int_equal(cgw_decode_status(nlh, &s, NULL), 0);
	assert_string_equal(s.version, "0.3.1");
	assert_int_equal(s.protocol, CGWATCH_GENL_VERSION);
	assert_true(s.inspected == UINT64_C(5000000000));
	assert_true(s.matched == 12);
	assert_true(s.findings == 11);
	assert_true(s.sent == 10);
	assert_true(s.drop_nomem == 1);
	assert_true(s.drop_nolistener == 2);
	assert_true(s.drop_overrun == 3);
	assert_true(s.drop_backlog == 4);
	assert_true(s.kprobe_missed == 5);
	assert_true(s.drop_context == 6);
	assert_int_equal(s.listening, 1);
	assert_int_equal(s.subscribe_admin, 1);
	assert_true(cgw_status_has(&s, CGWATCH_A_CNT_KPROBE_MISSED));
	assert_false(cgw_status_has(&s, CGWATCH_A_PID));
}

static void test_status_bad_counter(void **state)
{
	union msg_buf buf;
	struct nlmsghdr *nlh = msg_start(buf.data, TEST_FAMILY_ID,
					 CGWATCH_CMD_STATUS);
	struct cgw_decode_error err = { 0 };
	struct cgw_status s;

	(void)state;
	mnl_attr_put_u32(nlh, CGWATCH_A_CNT_SENT, 10);
	assert_int_equal(cgw_decode_status(nlh, &s, &err), -EINVAL);
	assert_int_equal(err.attr, CGWATCH_A_CNT_SENT);
	assert_string_equal(err.reason, "wrong length");
}

void run_decode_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_finding),
		cmocka_unit_test(test_u64_after_pad_attribute),
		cmocka_unit_test(test_u64_unaligned),
		cmocka_unit_test(test_u32_wrong_length),
		cmocka_unit_test(test_u64_wrong_length),
		cmocka_unit_test(test_u8_wrong_length),
		cmocka_unit_test(test_string_not_nul_terminated),
		cmocka_unit_test(test_string_empty_payload),
		cmocka_unit_test(test_string_too_long),
		cmocka_unit_test(test_container_id_at_limit),
		cmocka_unit_test(test_unknown_attributes_ignored),
		cmocka_unit_test(test_missing_fields_absent),
		cmocka_unit_test(test_wrong_command),
		cmocka_unit_test(test_message_too_short),
		cmocka_unit_test(test_truncated_attribute),
		cmocka_unit_test(test_string_embedded_nul),
		cmocka_unit_test(test_attrs_only_entry),
		cmocka_unit_test(test_status_full),
		cmocka_unit_test(test_status_bad_counter),
	};

	UNIT_RUN(t, "decode", tests);
}
