// SPDX-License-Identifier: GPL-2.0
/*
 * The probe on security_file_open() and the rules it matches.
 *
 * The handler runs on every file open of the machine, in atomic context.
 * Almost every call ends after one test of the open mode or one pointer
 * compare of the superblock's type: no lock, no allocation, no path. Only
 * a write-open of a rule's file on a cgroup v1 hierarchy goes further.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dcache.h>
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include <linux/string.h>
#include "internal.h"

#define CGW_NAME(s)	.file_name = (s), .file_name_len = sizeof(s) - 1

/* Rules as data: each names the cgroup v1 control file it watches. */
static const struct cgw_rule cgw_rules[] = {
	{
		.id		= "TRC-106",
		.name		= "Cgroups notify_on_release file modification",
		.technique	= "T1611",
		.severity	= 3,
		CGW_NAME("notify_on_release"),
	},
};

/*
 * The type of every cgroup v1 superblock, whatever its controllers or
 * name (cpuset's legacy filesystem also mounts as this type).
 */
struct file_system_type *cgw_cgroup1_fs __read_mostly;

/*
 * A match is an open for writing of a file whose dentry carries a rule's
 * name on a cgroup v1 superblock. What was opened decides, not the path
 * the opener gave: symlinks, /proc/self/fd, relative and io_uring opens
 * all reach the same dentry. Inlined into the handler: every open of the
 * machine runs it.
 */
static __always_inline const struct cgw_rule *
cgw_rule_for(const struct file *file)
{
	const struct dentry *dentry;
	unsigned int i;

	if (!(file->f_mode & FMODE_WRITE))
		return NULL;
	dentry = file->f_path.dentry;
	if (dentry->d_sb->s_type != cgw_cgroup1_fs)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(cgw_rules); i++) {
		const struct cgw_rule *rule = &cgw_rules[i];

		if (dentry->d_name.len == rule->file_name_len &&
		    !memcmp(dentry->d_name.name, rule->file_name,
			    rule->file_name_len))
			return rule;
	}
	return NULL;
}

/**
 * cgw_match_file - the rule an open concerns, if any
 * @file: the file being opened
 *
 * The handler's own test, for callers outside the probe.
 *
 * Return: the rule, or NULL for every other open.
 */
const struct cgw_rule *cgw_match_file(const struct file *file)
{
	return cgw_rule_for(file);
}

static int cgw_open_handler(struct kprobe *kp, struct pt_regs *regs)
{
	struct file *file = (struct file *)regs_get_kernel_argument(regs, 0);
	const struct cgw_rule *rule;

	this_cpu_inc(cgw_inspected);
	rule = cgw_rule_for(file);
	if (unlikely(rule))
		cgw_report(rule, file);
	return 0;
}

static struct kprobe cgw_kprobe = {
	.symbol_name	= "security_file_open",
	.pre_handler	= cgw_open_handler,
};

int cgw_probe_register(void)
{
	int err;

	err = register_kprobe(&cgw_kprobe);
	if (err) {
		pr_err("cannot probe security_file_open (error %d): the kernel needs CONFIG_KPROBES and must not blacklist that function\n",
		       err);
		return err;
	}
	if (!kprobe_ftrace(&cgw_kprobe))
		pr_warn("the probe is not ftrace-based: matches in NMI-like context are counted as lost (unsafe context)\n");
	return 0;
}

void cgw_probe_unregister(void)
{
	/* Returns once no handler runs any more on any CPU. */
	unregister_kprobe(&cgw_kprobe);
}

unsigned long cgw_probe_missed(void)
{
	return cgw_kprobe.nmissed;
}
