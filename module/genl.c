// SPDX-License-Identifier: GPL-2.0
/*
 * The cgwatch Generic Netlink family: findings to the "findings"
 * multicast group, and a status request.
 *
 * The family lives in the initial network namespace only. Where the
 * kernel can restrict a multicast group, only CAP_NET_ADMIN may join
 * "findings". The status request changes nothing and is open to all.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include "compat.h"
#include "internal.h"

enum cgw_mcgrp {
	CGW_MCGRP_FINDINGS,
};

static const struct genl_multicast_group cgw_mcgrps[] = {
	[CGW_MCGRP_FINDINGS] = {
		.name = CGWATCH_MCGRP_FINDINGS,
		CGW_MCGRP_FLAGS
	},
};

/* What each attribute is; requests may carry none of them today. */
static const struct nla_policy cgw_policy[CGWATCH_A_MAX + 1] = {
	[CGWATCH_A_RULE_ID]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_RULE_NAME]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_SEVERITY]		= { .type = NLA_U32 },
	[CGWATCH_A_MITRE_TECHNIQUE]	= { .type = NLA_NUL_STRING },
	[CGWATCH_A_TIME_NS]		= { .type = NLA_U64 },
	[CGWATCH_A_PID]			= { .type = NLA_U32 },
	[CGWATCH_A_TID]			= { .type = NLA_U32 },
	[CGWATCH_A_NS_PID]		= { .type = NLA_U32 },
	[CGWATCH_A_PPID]		= { .type = NLA_U32 },
	[CGWATCH_A_UID]			= { .type = NLA_U32 },
	[CGWATCH_A_GID]			= { .type = NLA_U32 },
	[CGWATCH_A_EUID]		= { .type = NLA_U32 },
	[CGWATCH_A_COMM]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_EXE]			= { .type = NLA_NUL_STRING },
	[CGWATCH_A_FILE_PATH]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_CGROUP_FILE]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_HIERARCHY]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_FLAGS]		= { .type = NLA_U32 },
	[CGWATCH_A_DEV]			= { .type = NLA_U32 },
	[CGWATCH_A_INO]			= { .type = NLA_U64 },
	[CGWATCH_A_CGROUP_PATH]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_CONTAINER]		= { .type = NLA_U8 },
	[CGWATCH_A_CONTAINER_ID]	= { .type = NLA_NUL_STRING,
					    .len = CGWATCH_CONTAINER_ID_MAX },
	[CGWATCH_A_RUNTIME]		= { .type = NLA_U32 },
	[CGWATCH_A_RUNTIME_NAME]	= { .type = NLA_NUL_STRING },
	[CGWATCH_A_PIDNS]		= { .type = NLA_U32 },
	[CGWATCH_A_MNTNS]		= { .type = NLA_U32 },
	[CGWATCH_A_CGROUPNS]		= { .type = NLA_U32 },
	[CGWATCH_A_USERNS]		= { .type = NLA_U32 },
	[CGWATCH_A_NETNS]		= { .type = NLA_U32 },
	[CGWATCH_A_VERSION]		= { .type = NLA_NUL_STRING },
	[CGWATCH_A_PROTOCOL]		= { .type = NLA_U32 },
	[CGWATCH_A_CNT_INSPECTED]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_MATCHED]		= { .type = NLA_U64 },
	[CGWATCH_A_CNT_FINDINGS]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_SENT]		= { .type = NLA_U64 },
	[CGWATCH_A_CNT_DROP_NOMEM]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_DROP_NOLISTENER]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_DROP_OVERRUN]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_DROP_BACKLOG]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_KPROBE_MISSED]	= { .type = NLA_U64 },
	[CGWATCH_A_CNT_DROP_CONTEXT]	= { .type = NLA_U64 },
	[CGWATCH_A_LISTENING]		= { .type = NLA_U8 },
	[CGWATCH_A_SUBSCRIBE_ADMIN]	= { .type = NLA_U8 },
};

static int cgw_get_status(struct sk_buff *skb, struct genl_info *info);

static const struct genl_small_ops cgw_ops[] = {
	{
		.cmd	= CGWATCH_CMD_GET_STATUS,
		.doit	= cgw_get_status,
	},
};

static struct genl_family cgw_family __ro_after_init = {
	.name		= CGWATCH_GENL_NAME,
	.version	= CGWATCH_GENL_VERSION,
	.maxattr	= CGWATCH_A_MAX,
	.policy		= cgw_policy,
	.netnsok	= false,
	.module		= THIS_MODULE,
	.small_ops	= cgw_ops,
	.n_small_ops	= ARRAY_SIZE(cgw_ops),
	.mcgrps		= cgw_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(cgw_mcgrps),
};

/* Number attributes of a finding: u8, u32 and u64 alike. */
#define CGW_FINDING_NUMBERS	20

static int cgw_put_str(struct sk_buff *skb, int type, const char *s)
{
	return nla_put_string(skb, type, s);
}

static int cgw_put_task(struct sk_buff *skb, const struct cgw_finding *f)
{
	if (nla_put_u64_64bit(skb, CGWATCH_A_TIME_NS, f->time_ns,
			      CGWATCH_A_PAD) ||
	    nla_put_u32(skb, CGWATCH_A_PID, f->pid) ||
	    nla_put_u32(skb, CGWATCH_A_TID, f->tid) ||
	    nla_put_u32(skb, CGWATCH_A_NS_PID, f->ns_pid) ||
	    nla_put_u32(skb, CGWATCH_A_PPID, f->ppid) ||
	    nla_put_u32(skb, CGWATCH_A_UID, f->uid) ||
	    nla_put_u32(skb, CGWATCH_A_GID, f->gid) ||
	    nla_put_u32(skb, CGWATCH_A_EUID, f->euid) ||
	    cgw_put_str(skb, CGWATCH_A_COMM, f->comm) ||
	    cgw_put_str(skb, CGWATCH_A_EXE, f->exe))
		return -EMSGSIZE;
	return 0;
}

static int cgw_put_file(struct sk_buff *skb, const struct cgw_finding *f)
{
	if (cgw_put_str(skb, CGWATCH_A_FILE_PATH, f->file_path) ||
	    cgw_put_str(skb, CGWATCH_A_CGROUP_FILE, f->cgroup_file) ||
	    cgw_put_str(skb, CGWATCH_A_HIERARCHY, f->hierarchy) ||
	    nla_put_u32(skb, CGWATCH_A_FLAGS, f->flags) ||
	    nla_put_u32(skb, CGWATCH_A_DEV, f->dev) ||
	    nla_put_u64_64bit(skb, CGWATCH_A_INO, f->ino, CGWATCH_A_PAD))
		return -EMSGSIZE;
	return 0;
}

static int cgw_put_origin(struct sk_buff *skb, const struct cgw_finding *f)
{
	if (cgw_put_str(skb, CGWATCH_A_CGROUP_PATH, f->cgroup_path) ||
	    nla_put_u8(skb, CGWATCH_A_CONTAINER, f->in_container) ||
	    cgw_put_str(skb, CGWATCH_A_CONTAINER_ID, f->container_id) ||
	    nla_put_u32(skb, CGWATCH_A_RUNTIME, f->runtime) ||
	    cgw_put_str(skb, CGWATCH_A_RUNTIME_NAME,
			cgw_runtime_name(f->runtime)) ||
	    nla_put_u32(skb, CGWATCH_A_PIDNS, f->ns_inum[CGW_NS_PID]) ||
	    nla_put_u32(skb, CGWATCH_A_MNTNS, f->ns_inum[CGW_NS_MNT]) ||
	    nla_put_u32(skb, CGWATCH_A_CGROUPNS, f->ns_inum[CGW_NS_CGROUP]) ||
	    nla_put_u32(skb, CGWATCH_A_USERNS, f->ns_inum[CGW_NS_USER]) ||
	    nla_put_u32(skb, CGWATCH_A_NETNS, f->ns_inum[CGW_NS_NET]))
		return -EMSGSIZE;
	return 0;
}

/**
 * cgw_genl_put_finding - encode a finding's attributes into @skb
 * @skb: message whose genetlink header is already in place
 * @f: the finding
 *
 * Return: 0, or -EMSGSIZE when @skb is too small.
 */
int cgw_genl_put_finding(struct sk_buff *skb, const struct cgw_finding *f)
{
	const struct cgw_rule *r = f->rule;

	if (cgw_put_str(skb, CGWATCH_A_RULE_ID, r->id) ||
	    cgw_put_str(skb, CGWATCH_A_RULE_NAME, r->name) ||
	    nla_put_u32(skb, CGWATCH_A_SEVERITY, r->severity) ||
	    cgw_put_str(skb, CGWATCH_A_MITRE_TECHNIQUE, r->technique))
		return -EMSGSIZE;
	if (cgw_put_task(skb, f) || cgw_put_file(skb, f) ||
	    cgw_put_origin(skb, f))
		return -EMSGSIZE;
	return 0;
}

bool cgw_genl_has_listeners(void)
{
	return genl_has_listeners(&cgw_family, &init_net, CGW_MCGRP_FINDINGS);
}

/* Room for every attribute of @f, numbers counted at their widest. */
static size_t cgw_finding_msg_size(const struct cgw_finding *f)
{
	const char *const text[] = {
		f->rule->id, f->rule->name, f->rule->technique, f->comm,
		f->exe, f->file_path, f->cgroup_file, f->hierarchy,
		f->cgroup_path, f->container_id, cgw_runtime_name(f->runtime),
	};
	size_t size = CGW_FINDING_NUMBERS * nla_total_size_64bit(sizeof(u64));
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(text); i++)
		size += nla_total_size(strlen(text[i]) + 1);
	return size;
}

/**
 * cgw_genl_send_finding - multicast one finding; may sleep
 * @f: the finding
 *
 * Return: 0 when sent, -ESRCH with no listener, -ENOBUFS when a
 * listener's socket was full, another negative errno when no message
 * could be built.
 */
int cgw_genl_send_finding(const struct cgw_finding *f)
{
	struct sk_buff *skb;
	void *hdr;

	skb = genlmsg_new(cgw_finding_msg_size(f), GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	hdr = genlmsg_put(skb, 0, 0, &cgw_family, 0, CGWATCH_CMD_FINDING);
	if (!hdr || cgw_genl_put_finding(skb, f)) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return genlmsg_multicast(&cgw_family, skb, 0, CGW_MCGRP_FINDINGS,
				 GFP_KERNEL);
}

static int cgw_put_counter(struct sk_buff *skb, int type, u64 value)
{
	return nla_put_u64_64bit(skb, type, value, CGWATCH_A_PAD);
}

static int cgw_put_counters(struct sk_buff *skb)
{
	const struct cgw_counters *c = &cgw_counters;

	if (cgw_put_counter(skb, CGWATCH_A_CNT_INSPECTED,
			    cgw_inspected_total()) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_MATCHED,
			    atomic64_read(&c->matched)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_FINDINGS,
			    atomic64_read(&c->findings)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_SENT,
			    atomic64_read(&c->sent)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_DROP_NOMEM,
			    atomic64_read(&c->drop_nomem)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_DROP_NOLISTENER,
			    atomic64_read(&c->drop_nolistener)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_DROP_OVERRUN,
			    atomic64_read(&c->drop_overrun)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_DROP_BACKLOG,
			    atomic64_read(&c->drop_backlog)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_DROP_CONTEXT,
			    atomic64_read(&c->drop_context)) ||
	    cgw_put_counter(skb, CGWATCH_A_CNT_KPROBE_MISSED,
			    cgw_probe_missed()))
		return -EMSGSIZE;
	return 0;
}

static int cgw_get_status(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	void *hdr;
	int i;

	for (i = 1; i <= CGWATCH_A_MAX; i++) {
		if (info->attrs[i]) {
			NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[i],
					    "status request takes no attributes");
			return -EINVAL;
		}
	}
	reply = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &cgw_family, 0,
				CGWATCH_CMD_STATUS);
	if (!hdr || nla_put_string(reply, CGWATCH_A_VERSION, CGW_VERSION) ||
	    nla_put_u32(reply, CGWATCH_A_PROTOCOL, CGWATCH_GENL_VERSION) ||
	    nla_put_u8(reply, CGWATCH_A_LISTENING, cgw_genl_has_listeners()) ||
	    nla_put_u8(reply, CGWATCH_A_SUBSCRIBE_ADMIN, CGW_MCGRP_RESTRICTED) ||
	    cgw_put_counters(reply)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

int cgw_genl_register(void)
{
	return genl_register_family(&cgw_family);
}

void cgw_genl_unregister(void)
{
	genl_unregister_family(&cgw_family);
}
