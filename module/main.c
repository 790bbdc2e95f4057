// SPDX-License-Identifier: GPL-2.0
/*
 * cgwatch: report container escapes through cgroup v1 release
 * notification as they happen.
 *
 * A kprobe on security_file_open() matches write-opens of cgroup v1
 * notify_on_release files; opens by tasks in containers become findings,
 * multicast on the "cgwatch" Generic Netlink family. This file loads and
 * unloads the parts in an order that is safe at any moment.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/module.h>
#include "compat.h"
#include "internal.h"

static int __init cgw_init(void)
{
	const char *unsupported = cgw_kernel_unsupported();
	int err;

	if (unsupported) {
		pr_err("not loading: %s\n", unsupported);
		return -EOPNOTSUPP;
	}
	/* Built into the kernel: no module reference to give back later. */
	cgw_cgroup1_fs = get_fs_type("cgroup");
	if (!cgw_cgroup1_fs) {
		pr_err("this kernel has no cgroup v1 filesystem: nothing to watch\n");
		return -ENOENT;
	}
	err = cgw_finding_init();
	if (err)
		return err;
	err = cgw_genl_register();
	if (err) {
		pr_err("cannot register generic netlink family %s (error %d)\n",
		       CGWATCH_GENL_NAME, err);
		goto exit_finding;
	}
	err = cgw_probe_register();
	if (err)
		goto unregister_genl;
	pr_info("version %s watching cgroup v1 notify_on_release\n",
		CGW_VERSION);
	return 0;

unregister_genl:
	cgw_genl_unregister();
exit_finding:
	cgw_finding_exit();
	return err;
}

static void __exit cgw_exit(void)
{
	/* No handler runs after this; then drain the queue, then the family. */
	cgw_probe_unregister();
	cgw_finding_exit();
	cgw_genl_unregister();
	pr_info("unloaded\n");
}

module_init(cgw_init);
module_exit(cgw_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("cgwatch developers");
MODULE_DESCRIPTION("Detect container escapes through cgroup v1 notify_on_release");
MODULE_VERSION(CGW_VERSION);
