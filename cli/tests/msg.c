// SPDX-License-Identifier: GPL-2.0
/*
 * msg.c - test messages built with libmnl, attribute by attribute, in
 * the layout the module's genlmsg/nla_put calls produce.
 */
#include <stdint.h>
#include <asm/fcntl.h>
#include <linux/genetlink.h>

#include "cgwatch.h"
#include "msg.h"

struct nlmsghdr *msg_start(void *buf, uint16_t type, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = CGWATCH_GENL_VERSION;
	return nlh;
}

void msg_put_u64_padded(struct nlmsghdr *nlh, uint16_t type, uint64_t v)
{
	uintptr_t payload = (uintptr_t)mnl_nlmsg_get_payload_tail(nlh) +
			    MNL_ATTR_HDRLEN;

	if (payload % 8)
		mnl_attr_put(nlh, CGWATCH_A_PAD, 0, NULL);
	mnl_attr_put_u64(nlh, type, v);
}

static void put_example_rule(struct nlmsghdr *nlh)
{
	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_ID, "TRC-106");
	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_NAME,
			  "cgroup v1 notify_on_release opened for writing");
	mnl_attr_put_u32(nlh, CGWATCH_A_SEVERITY, 3);
	mnl_attr_put_strz(nlh, CGWATCH_A_MITRE_TECHNIQUE, "T1611");
	/* 2026-12-03T19:10:58.123456789Z */
	msg_put_u64_padded(nlh, CGWATCH_A_TIME_NS,
			   UINT64_C(1796325058123456789));
}

static void put_example_task(struct nlmsghdr *nlh)
{
	mnl_attr_put_u32(nlh, CGWATCH_A_PID, 812);
	mnl_attr_put_u32(nlh, CGWATCH_A_TID, 813);
	mnl_attr_put_u32(nlh, CGWATCH_A_NS_PID, 1);
	mnl_attr_put_u32(nlh, CGWATCH_A_PPID, 800);
	mnl_attr_put_u32(nlh, CGWATCH_A_UID, 0);
	mnl_attr_put_u32(nlh, CGWATCH_A_GID, 1001);
	mnl_attr_put_u32(nlh, CGWATCH_A_EUID, 1002);
	mnl_attr_put_strz(nlh, CGWATCH_A_COMM, "sh");
	mnl_attr_put_strz(nlh, CGWATCH_A_EXE, "/bin/busybox");
}

static void put_example_file(struct nlmsghdr *nlh)
{
	mnl_attr_put_strz(nlh, CGWATCH_A_FILE_PATH,
			  "/tmp/c/x/notify_on_release");
	mnl_attr_put_strz(nlh, CGWATCH_A_CGROUP_FILE, "/x/notify_on_release");
	mnl_attr_put_strz(nlh, CGWATCH_A_HIERARCHY, "rdma");
	mnl_attr_put_u32(nlh, CGWATCH_A_FLAGS, O_WRONLY | O_CREAT | O_TRUNC);
	/* major 259, minor 65541 in new_encode_dev() form */
	mnl_attr_put_u32(nlh, CGWATCH_A_DEV, 0x10010305);
	msg_put_u64_padded(nlh, CGWATCH_A_INO, UINT64_C(123456789012));
}

static void put_example_place(struct nlmsghdr *nlh)
{
	mnl_attr_put_strz(nlh, CGWATCH_A_CGROUP_PATH,
			  "/docker/" TEST_CONTAINER_ID);
	mnl_attr_put_u8(nlh, CGWATCH_A_CONTAINER, 1);
	mnl_attr_put_strz(nlh, CGWATCH_A_CONTAINER_ID, TEST_CONTAINER_ID);
	mnl_attr_put_u32(nlh, CGWATCH_A_RUNTIME, CGWATCH_RUNTIME_DOCKER);
	mnl_attr_put_strz(nlh, CGWATCH_A_RUNTIME_NAME, "docker");
	mnl_attr_put_u32(nlh, CGWATCH_A_PIDNS, 4026532290u);
	mnl_attr_put_u32(nlh, CGWATCH_A_MNTNS, 4026532288u);
	mnl_attr_put_u32(nlh, CGWATCH_A_CGROUPNS, 4026532291u);
	mnl_attr_put_u32(nlh, CGWATCH_A_USERNS, 4026531837u);
	mnl_attr_put_u32(nlh, CGWATCH_A_NETNS, 4026532293u);
}

struct nlmsghdr *msg_example_finding(void *buf)
{
	struct nlmsghdr *nlh = msg_start(buf, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	put_example_rule(nlh);
	put_example_task(nlh);
	put_example_file(nlh);
	put_example_place(nlh);
	return nlh;
}

struct nlmsghdr *msg_small_finding(void *buf, uint32_t pid)
{
	struct nlmsghdr *nlh = msg_start(buf, TEST_FAMILY_ID,
					 CGWATCH_CMD_FINDING);

	mnl_attr_put_strz(nlh, CGWATCH_A_RULE_ID, "TRC-001");
	mnl_attr_put_u32(nlh, CGWATCH_A_PID, pid);
	return nlh;
}

struct nlmsghdr *msg_example_status(void *buf)
{
	struct nlmsghdr *nlh = msg_start(buf, TEST_FAMILY_ID,
					 CGWATCH_CMD_STATUS);

	mnl_attr_put_strz(nlh, CGWATCH_A_VERSION, "0.3.1");
	mnl_attr_put_u32(nlh, CGWATCH_A_PROTOCOL, CGWATCH_GENL_VERSION);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_INSPECTED,
			   UINT64_C(5000000000));
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_MATCHED, 12);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_FINDINGS, 11);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_SENT, 10);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_DROP_NOMEM, 1);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_DROP_NOLISTENER, 2);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_DROP_OVERRUN, 3);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_DROP_BACKLOG, 4);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_KPROBE_MISSED, 5);
	msg_put_u64_padded(nlh, CGWATCH_A_CNT_DROP_CONTEXT, 6);
	mnl_attr_put_u8(nlh, CGWATCH_A_LISTENING, 1);
	mnl_attr_put_u8(nlh, CGWATCH_A_SUBSCRIBE_ADMIN, 1);
	return nlh;
}
