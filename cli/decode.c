// SPDX-License-Identifier: GPL-2.0
/*
 * decode.c - check and copy the attributes of cgwatch messages.
 *
 * Each message kind has a table, indexed by attribute type, that says
 * what type an attribute must have and where it goes in the struct; the
 * table is this program's view of the wire format, like a kernel
 * nla_policy. Types missing from the table are skipped.
 */
#include <errno.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "decode.h"

enum slot_kind {
	SLOT_NONE,		/* not known here: skipped */
	SLOT_U8,
	SLOT_U32,
	SLOT_U64,
	SLOT_STRING,
};

struct slot {
	enum slot_kind kind;
	size_t offset;		/* in the struct being filled */
	size_t size;		/* of the field there */
};

#define SLOT(k, type, field) { \
	.kind = (k), \
	.offset = offsetof(struct type, field), \
	.size = sizeof(((struct type *)0)->field), \
}

#define F_U8(field)	SLOT(SLOT_U8, cgw_finding, field)
#define F_U32(field)	SLOT(SLOT_U32, cgw_finding, field)
#define F_U64(field)	SLOT(SLOT_U64, cgw_finding, field)
#define F_STR(field)	SLOT(SLOT_STRING, cgw_finding, field)

static const struct slot finding_slots[CGWATCH_A_MAX + 1] = {
	[CGWATCH_A_RULE_ID]		= F_STR(rule_id),
	[CGWATCH_A_RULE_NAME]		= F_STR(rule_name),
	[CGWATCH_A_SEVERITY]		= F_U32(severity),
	[CGWATCH_A_MITRE_TECHNIQUE]	= F_STR(mitre_technique),
	[CGWATCH_A_TIME_NS]		= F_U64(time_ns),
	[CGWATCH_A_PID]			= F_U32(pid),
	[CGWATCH_A_TID]			= F_U32(tid),
	[CGWATCH_A_NS_PID]		= F_U32(ns_pid),
	[CGWATCH_A_PPID]		= F_U32(ppid),
	[CGWATCH_A_UID]			= F_U32(uid),
	[CGWATCH_A_GID]			= F_U32(gid),
	[CGWATCH_A_EUID]		= F_U32(euid),
	[CGWATCH_A_COMM]		= F_STR(comm),
	[CGWATCH_A_EXE]			= F_STR(exe),
	[CGWATCH_A_FILE_PATH]		= F_STR(file_path),
	[CGWATCH_A_CGROUP_FILE]		= F_STR(cgroup_file),
	[CGWATCH_A_HIERARCHY]		= F_STR(hierarchy),
	[CGWATCH_A_FLAGS]		= F_U32(flags),
	[CGWATCH_A_DEV]			= F_U32(dev),
	[CGWATCH_A_INO]			= F_U64(ino),
	[CGWATCH_A_CGROUP_PATH]		= F_STR(cgroup_path),
	[CGWATCH_A_CONTAINER]		= F_U8(container),
	[CGWATCH_A_CONTAINER_ID]	= F_STR(container_id),
	[CGWATCH_A_RUNTIME]		= F_U32(runtime),
	[CGWATCH_A_RUNTIME_NAME]	= F_STR(runtime_name),
	[CGWATCH_A_PIDNS]		= F_U32(pidns),
	[CGWATCH_A_MNTNS]		= F_U32(mntns),
	[CGWATCH_A_CGROUPNS]		= F_U32(cgroupns),
	[CGWATCH_A_USERNS]		= F_U32(userns),
	[CGWATCH_A_NETNS]		= F_U32(netns),
};

#define S_U8(field)	SLOT(SLOT_U8, cgw_status, field)
#define S_U32(field)	SLOT(SLOT_U32, cgw_status, field)
#define S_U64(field)	SLOT(SLOT_U64, cgw_status, field)
#define S_STR(field)	SLOT(SLOT_STRING, cgw_status, field)

static const struct slot status_slots[CGWATCH_A_MAX + 1] = {
	[CGWATCH_A_VERSION]		= S_STR(version),
	[CGWATCH_A_PROTOCOL]		= S_U32(protocol),
	[CGWATCH_A_CNT_INSPECTED]	= S_U64(inspected),
	[CGWATCH_A_CNT_MATCHED]		= S_U64(matched),
	[CGWATCH_A_CNT_FINDINGS]	= S_U64(findings),
	[CGWATCH_A_CNT_SENT]		= S_U64(sent),
	[CGWATCH_A_CNT_DROP_NOMEM]	= S_U64(drop_nomem),
	[CGWATCH_A_CNT_DROP_NOLISTENER]	= S_U64(drop_nolistener),
	[CGWATCH_A_CNT_DROP_OVERRUN]	= S_U64(drop_overrun),
	[CGWATCH_A_CNT_DROP_BACKLOG]	= S_U64(drop_backlog),
	[CGWATCH_A_CNT_KPROBE_MISSED]	= S_U64(kprobe_missed),
	[CGWATCH_A_CNT_DROP_CONTEXT]	= S_U64(drop_context),
	[CGWATCH_A_LISTENING]		= S_U8(listening),
	[CGWATCH_A_SUBSCRIBE_ADMIN]	= S_U8(subscribe_admin),
};

/* The "present" bit mask has one bit per attribute type. */
_Static_assert(CGWATCH_A_MAX < 64, "present mask too small");

static int fail(struct cgw_decode_error *err, int attr, const char *reason)
{
	if (err) {
		err->attr = attr;
		err->reason = reason;
	}
	return -EINVAL;
}

static const enum mnl_attr_data_type mnl_type_of[] = {
	[SLOT_U8]	= MNL_TYPE_U8,
	[SLOT_U32]	= MNL_TYPE_U32,
	[SLOT_U64]	= MNL_TYPE_U64,
	[SLOT_STRING]	= MNL_TYPE_NUL_STRING,
};

/* Copy a checked NUL-terminated string if it fits its field. */
static int copy_string(const struct nlattr *attr, char *dst, size_t size)
{
	const char *src = mnl_attr_get_str(attr);
	size_t len = strlen(src);

	if (len >= size)
		return -1;
	memcpy(dst, src, len + 1);
	return 0;
}

static int store_attr(const struct nlattr *attr, const struct slot *slot,
		      void *obj, struct cgw_decode_error *err)
{
	int type = mnl_attr_get_type(attr);
	char *dst = (char *)obj + slot->offset;
	uint64_t v64;

	if (mnl_attr_validate(attr, mnl_type_of[slot->kind]) < 0)
		return fail(err, type, slot->kind == SLOT_STRING ?
			    "string not NUL-terminated" : "wrong length");

	switch (slot->kind) {
	case SLOT_U8:
		*(uint8_t *)dst = mnl_attr_get_u8(attr);
		break;
	case SLOT_U32:
		*(uint32_t *)dst = mnl_attr_get_u32(attr);
		break;
	case SLOT_U64:
		/* Payload may be only 4-byte aligned: no direct load. */
		memcpy(&v64, mnl_attr_get_payload(attr), sizeof(v64));
		*(uint64_t *)dst = v64;
		break;
	case SLOT_STRING:
		if (copy_string(attr, dst, slot->size) < 0)
			return fail(err, type, "string too long");
		break;
	case SLOT_NONE:
		break;
	}
	return 0;
}

/*
 * Walk an attribute area with @slots. Bytes left over that do not form
 * a whole attribute mean the message was cut short or built wrong.
 */
static int decode_attrs(const void *attrs, size_t len,
			const struct slot *slots, void *obj, uint64_t *present,
			struct cgw_decode_error *err)
{
	const struct nlattr *attr;
	const char *end = (const char *)attrs + len;
	int ret;

	for (attr = attrs; mnl_attr_ok(attr, end - (const char *)attr);
	     attr = mnl_attr_next(attr)) {
		unsigned int type = mnl_attr_get_type(attr);

		if (type > CGWATCH_A_MAX || slots[type].kind == SLOT_NONE)
			continue;
		ret = store_attr(attr, &slots[type], obj, err);
		if (ret < 0)
			return ret;
		*present |= UINT64_C(1) << type;
	}
	if ((const char *)attr != end)
		return fail(err, -1, "truncated attribute");
	return 0;
}

/* The attribute area of a genetlink message with command @cmd. */
static int genl_attrs(const struct nlmsghdr *nlh, uint8_t cmd,
		      const void **attrs, size_t *len,
		      struct cgw_decode_error *err)
{
	const struct genlmsghdr *genl;

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + GENL_HDRLEN)
		return fail(err, -1, "message too short");
	genl = mnl_nlmsg_get_payload(nlh);
	if (genl->cmd != cmd)
		return fail(err, -1, "unexpected command");
	*attrs = mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN);
	*len = nlh->nlmsg_len - MNL_NLMSG_HDRLEN - GENL_HDRLEN;
	return 0;
}

/*
 * Empty every field of @slots in @obj: numbers to 0, strings to "". The
 * strings' buffers are large and a listener decodes every finding, so
 * only their first byte is cleared.
 */
static void clear_slots(const struct slot *slots, void *obj)
{
	unsigned int type;

	for (type = 0; type <= CGWATCH_A_MAX; type++) {
		const struct slot *slot = &slots[type];

		if (slot->kind != SLOT_NONE)
			memset((char *)obj + slot->offset, 0,
			       slot->kind == SLOT_STRING ? 1 : slot->size);
	}
}

int cgw_decode_finding_attrs(const void *attrs, size_t len,
			     struct cgw_finding *f,
			     struct cgw_decode_error *err)
{
	f->present = 0;
	clear_slots(finding_slots, f);
	return decode_attrs(attrs, len, finding_slots, f, &f->present, err);
}

int cgw_decode_finding(const struct nlmsghdr *nlh, struct cgw_finding *f,
		       struct cgw_decode_error *err)
{
	const void *attrs;
	size_t len;
	int ret;

	ret = genl_attrs(nlh, CGWATCH_CMD_FINDING, &attrs, &len, err);
	if (ret < 0)
		return ret;
	return cgw_decode_finding_attrs(attrs, len, f, err);
}

int cgw_decode_status_attrs(const void *attrs, size_t len,
			    struct cgw_status *s,
			    struct cgw_decode_error *err)
{
	memset(s, 0, sizeof(*s));
	return decode_attrs(attrs, len, status_slots, s, &s->present, err);
}

int cgw_decode_status(const struct nlmsghdr *nlh, struct cgw_status *s,
		      struct cgw_decode_error *err)
{
	const void *attrs;
	size_t len;
	int ret;

	ret = genl_attrs(nlh, CGWATCH_CMD_STATUS, &attrs, &len, err);
	if (ret < 0)
		return ret;
	return cgw_decode_status_attrs(attrs, len, s, err);
}
