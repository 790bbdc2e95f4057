// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for module/genl.c: a finding is encoded into a message and
 * parsed back attribute by attribute, as a listener would read it.
 */
#include <kunit/test.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include "../module/internal.h"

#define ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static const struct cgw_rule test_rule = {
	.id = "TRC-106",
	.name = "Cgroups notify_on_release file modification",
	.technique = "T1611",
	.severity = 3,
	.file_name = "notify_on_release",
	.file_name_len = 17,
};

static struct cgw_finding *example(struct kunit *test, bool in_container)
{
	struct cgw_finding *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	f->rule = &test_rule;
	f->time_ns = 1796327719451942220ULL;
	f->ino = 0x100000026ULL;
	f->pid = 435;
	f->tid = 436;
	f->ns_pid = 1;
	f->ppid = 423;
	f->uid = 1000;
	f->gid = 1001;
	f->euid = 0;
	f->flags = 0x8241;
	f->dev = 30;
	f->ns_inum[CGW_NS_PID] = 4026532119U;
	f->ns_inum[CGW_NS_MNT] = 4026532116U;
	f->ns_inum[CGW_NS_CGROUP] = 4026532171U;
	f->ns_inum[CGW_NS_USER] = 4026531837U;
	f->ns_inum[CGW_NS_NET] = 4026532120U;
	f->in_container = in_container;
	f->runtime = in_container ? CGWATCH_RUNTIME_DOCKER : CGWATCH_RUNTIME_NONE;
	strscpy(f->comm, "sh", sizeof(f->comm));
	strscpy(f->container_id, in_container ? ID : "",
		sizeof(f->container_id));
	f->exe = "/bin/busybox";
	f->file_path = "/tmp/cgrp/x/notify_on_release";
	f->cgroup_file = "/docker/" ID "/x/notify_on_release";
	f->hierarchy = "rdma";
	f->cgroup_path = in_container ? "/docker/" ID : "/";
	return f;
}

/* Encode @f and parse a copy of the result, owned by @test, into @tb. */
static void encode(struct kunit *test, const struct cgw_finding *f,
		   struct nlattr **tb)
{
	struct sk_buff *skb = alloc_skb(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *copy;
	int err, len;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, skb);
	err = cgw_genl_put_finding(skb, f);
	len = skb->len;
	copy = kunit_kmalloc(test, len, GFP_KERNEL);
	if (copy)
		memcpy(copy, skb->data, len);
	kfree_skb(skb);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, copy);
	KUNIT_ASSERT_EQ(test, nla_parse_deprecated(tb, CGWATCH_A_MAX, copy, len,
						   NULL, NULL), 0);
}

static void expect_str(struct kunit *test, struct nlattr **tb, int type,
		       const char *want)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, tb[type], "attribute %d", type);
	KUNIT_EXPECT_EQ_MSG(test, nla_len(tb[type]), (int)strlen(want) + 1,
			    "attribute %d", type);
	KUNIT_EXPECT_STREQ_MSG(test, (char *)nla_data(tb[type]), want,
			       "attribute %d", type);
}

static void expect_u32(struct kunit *test, struct nlattr **tb, int type,
		       u32 want)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, tb[type], "attribute %d", type);
	KUNIT_EXPECT_EQ_MSG(test, nla_len(tb[type]), 4, "attribute %d", type);
	KUNIT_EXPECT_EQ_MSG(test, nla_get_u32(tb[type]), want,
			    "attribute %d", type);
}

static void expect_u64(struct kunit *test, struct nlattr **tb, int type,
		       u64 want)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, tb[type], "attribute %d", type);
	KUNIT_EXPECT_EQ_MSG(test, nla_len(tb[type]), 8, "attribute %d", type);
	KUNIT_EXPECT_EQ_MSG(test, nla_get_u64(tb[type]), want,
			    "attribute %d", type);
}

static void rule_attributes(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];

	encode(test, example(test, true), tb);
	expect_str(test, tb, CGWATCH_A_RULE_ID, "TRC-106");
	expect_str(test, tb, CGWATCH_A_RULE_NAME,
		   "Cgroups notify_on_release file modification");
	expect_u32(test, tb, CGWATCH_A_SEVERITY, 3);
	expect_str(test, tb, CGWATCH_A_MITRE_TECHNIQUE, "T1611");
}

static void task_attributes(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];

	encode(test, example(test, true), tb);
	expect_u64(test, tb, CGWATCH_A_TIME_NS, 1796327719451942220ULL);
	expect_u32(test, tb, CGWATCH_A_PID, 435);
	expect_u32(test, tb, CGWATCH_A_TID, 436);
	expect_u32(test, tb, CGWATCH_A_NS_PID, 1);
	expect_u32(test, tb, CGWATCH_A_PPID, 423);
	expect_u32(test, tb, CGWATCH_A_UID, 1000);
	expect_u32(test, tb, CGWATCH_A_GID, 1001);
	expect_u32(test, tb, CGWATCH_A_EUID, 0);
	expect_str(test, tb, CGWATCH_A_COMM, "sh");
	expect_str(test, tb, CGWATCH_A_EXE, "/bin/busybox");
}

static void file_attributes(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];

	encode(test, example(test, true), tb);
	expect_str(test, tb, CGWATCH_A_FILE_PATH,
		   "/tmp/cgrp/x/notify_on_release");
	expect_str(test, tb, CGWATCH_A_CGROUP_FILE,
		   "/docker/" ID "/x/notify_on_release");
	expect_str(test, tb, CGWATCH_A_HIERARCHY, "rdma");
	expect_u32(test, tb, CGWATCH_A_FLAGS, 0x8241);
	expect_u32(test, tb, CGWATCH_A_DEV, 30);
	expect_u64(test, tb, CGWATCH_A_INO, 0x100000026ULL);
}

static void origin_attributes(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];

	encode(test, example(test, true), tb);
	expect_str(test, tb, CGWATCH_A_CGROUP_PATH, "/docker/" ID);
	KUNIT_ASSERT_NOT_NULL(test, tb[CGWATCH_A_CONTAINER]);
	KUNIT_EXPECT_EQ(test, nla_get_u8(tb[CGWATCH_A_CONTAINER]), 1);
	expect_str(test, tb, CGWATCH_A_CONTAINER_ID, ID);
	expect_u32(test, tb, CGWATCH_A_RUNTIME, CGWATCH_RUNTIME_DOCKER);
	expect_str(test, tb, CGWATCH_A_RUNTIME_NAME, "docker");
	expect_u32(test, tb, CGWATCH_A_PIDNS, 4026532119U);
	expect_u32(test, tb, CGWATCH_A_MNTNS, 4026532116U);
	expect_u32(test, tb, CGWATCH_A_CGROUPNS, 4026532171U);
	expect_u32(test, tb, CGWATCH_A_USERNS, 4026531837U);
	expect_u32(test, tb, CGWATCH_A_NETNS, 4026532120U);
}

static void host_origin_attributes(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];

	encode(test, example(test, false), tb);
	KUNIT_ASSERT_NOT_NULL(test, tb[CGWATCH_A_CONTAINER]);
	KUNIT_EXPECT_EQ(test, nla_get_u8(tb[CGWATCH_A_CONTAINER]), 0);
	expect_str(test, tb, CGWATCH_A_CONTAINER_ID, "");
	expect_u32(test, tb, CGWATCH_A_RUNTIME, CGWATCH_RUNTIME_NONE);
	expect_str(test, tb, CGWATCH_A_RUNTIME_NAME, "none");
	expect_str(test, tb, CGWATCH_A_CGROUP_PATH, "/");
}

static void no_status_attributes_in_finding(struct kunit *test)
{
	struct nlattr *tb[CGWATCH_A_MAX + 1];
	int type;

	encode(test, example(test, true), tb);
	for (type = CGWATCH_A_VERSION; type <= CGWATCH_A_MAX; type++)
		KUNIT_EXPECT_NULL_MSG(test, tb[type], "attribute %d", type);
}

static void message_too_small(struct kunit *test)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, cgw_genl_put_finding(skb, example(test, true)),
			-EMSGSIZE);
	kfree_skb(skb);
}

static struct kunit_case genl_cases[] = {
	KUNIT_CASE(rule_attributes),
	KUNIT_CASE(task_attributes),
	KUNIT_CASE(file_attributes),
	KUNIT_CASE(origin_attributes),
	KUNIT_CASE(host_origin_attributes),
	KUNIT_CASE(no_status_attributes_in_finding),
	KUNIT_CASE(message_too_small),
	{}
};

static struct kunit_suite genl_suite = {
	.name = "cgwatch_genl",
	.test_cases = genl_cases,
};

kunit_test_suite(genl_suite);
