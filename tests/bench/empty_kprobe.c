// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's floor: a kprobe on security_file_open() whose handler
 * does nothing. What it adds to an open() is what any kprobe-based
 * design pays before its first instruction of work.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kprobes.h>
#include <linux/module.h>

static int empty_handler(struct kprobe *kp, struct pt_regs *regs)
{
	return 0;
}

static struct kprobe empty_kprobe = {
	.symbol_name	= "security_file_open",
	.pre_handler	= empty_handler,
};

static int __init empty_init(void)
{
	int err = register_kprobe(&empty_kprobe);

	if (err)
		pr_err("cannot probe security_file_open (error %d)\n", err);
	return err;
}

static void __exit empty_exit(void)
{
	unregister_kprobe(&empty_kprobe);
}

module_init(empty_init);
module_exit(empty_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Empty kprobe on security_file_open, the benchmark's floor");
