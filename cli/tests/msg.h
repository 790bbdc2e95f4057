/* SPDX-License-Identifier: GPL-2.0 */
/*
 * msg.h - build cgwatch netlink messages the way the module does, for
 * the tests.
 */
#ifndef CGW_TEST_MSG_H
#define CGW_TEST_MSG_H

#include <stdint.h>
#include <libmnl/libmnl.h>

/* Family id the tests pretend the kernel gave "cgwatch". */
#define TEST_FAMILY_ID		0x2a

/* A buffer for one test message, 8-byte aligned like an skb's data. */
#define MSG_BUF_SIZE		32768
union msg_buf {
	char data[MSG_BUF_SIZE];
	uint64_t align;
};

/* The container id of the example finding (64 hex digits). */
#define TEST_CONTAINER_ID \
	"3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899"

/* nlmsghdr and genlmsghdr for @cmd of family @type at @buf. */
struct nlmsghdr *msg_start(void *buf, uint16_t type, uint8_t cmd);

/* A u64 attribute as nla_put_u64_64bit() puts it: pad first if needed. */
void msg_put_u64_padded(struct nlmsghdr *nlh, uint16_t type, uint64_t v);

/* The example finding: a shell in a docker container opening
 * notify_on_release, every attribute present. */
struct nlmsghdr *msg_example_finding(void *buf);

/* A small finding with only rule id and pid. */
struct nlmsghdr *msg_small_finding(void *buf, uint32_t pid);

/* A status reply with every counter. */
struct nlmsghdr *msg_example_status(void *buf);

#endif /* CGW_TEST_MSG_H */
