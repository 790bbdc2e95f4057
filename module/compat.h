/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels cgwatch builds for lives here.
 *
 * Where a distribution may backport a feature, the test is on the feature
 * itself (a macro the feature defines); otherwise on the version in which
 * the mainline kernel changed. The rest of the module calls only the
 * helpers below.
 */
#ifndef CGWATCH_COMPAT_H
#define CGWATCH_COMPAT_H

#include <linux/version.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kernfs.h>
#include <linux/mm_types.h>
#include <linux/ns_common.h>
#include <linux/nsproxy.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <net/genetlink.h>

/*
 * Why this kernel cannot run cgwatch, or NULL. On PREEMPT_RT kernels
 * spinlocks sleep, and the probe's handler, which runs with preemption
 * disabled, takes kernfs's and d_path()'s: cgwatch refuses to load there.
 */
static inline const char *cgw_kernel_unsupported(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT_RT))
		return "PREEMPT_RT kernel, where the probe's spinlocks sleep";
	return NULL;
}

/*
 * Multicast groups that only CAP_NET_ADMIN may join arrived in 6.6 and were
 * backported (Debian's 6.1 has them). The flag is a macro, so its presence
 * is the probe. Without it any local process can subscribe to findings;
 * the README says so.
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define CGW_MCGRP_FLAGS		.flags = GENL_MCAST_CAP_NET_ADMIN,
#define CGW_MCGRP_RESTRICTED	1
#else
#define CGW_MCGRP_FLAGS
#define CGW_MCGRP_RESTRICTED	0
#endif

/*
 * struct mnt_namespace is private to fs/. Its namespace header is all we
 * read (for the inode number); until 5.11 a reference count came first.
 */
struct cgw_mnt_namespace_head {
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 11, 0)
	atomic_t count;
#endif
	struct ns_common ns;
};

static inline unsigned int cgw_mnt_ns_inum(const struct nsproxy *nsp)
{
	const struct cgw_mnt_namespace_head *mnt;

	mnt = (const struct cgw_mnt_namespace_head *)nsp->mnt_ns;
	return mnt ? mnt->ns.inum : 0;
}

/*
 * Take a reference on the executable of @mm, or return NULL. Safe in
 * atomic context. Until 6.7 get_file_rcu() took the file itself.
 */
static inline struct file *cgw_get_exe_file(struct mm_struct *mm)
{
	struct file *exe;

	rcu_read_lock();
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	exe = rcu_dereference(mm->exe_file);
	if (exe && !get_file_rcu(exe))
		exe = NULL;
#else
	exe = get_file_rcu(&mm->exe_file);
#endif
	rcu_read_unlock();
	return exe;
}

/*
 * The kernfs node behind a kernfs dentry. kernfs keeps it in the inode's
 * i_private (its own accessor is private to fs/kernfs) on every kernel
 * cgwatch supports.
 */
static inline struct kernfs_node *cgw_kernfs_node(const struct dentry *dentry)
{
	return d_inode(dentry)->i_private;
}

/*
 * Whether kernfs_path() (and cgroup_path(), built on it) wrote the whole
 * path into a buffer of @len bytes, given what it returned. Older kernels
 * return the length the whole path needs; newer ones cut it to fit and
 * return what they wrote. A path that fills the buffer is taken as cut on
 * both, so no version test is needed.
 */
static inline bool cgw_kernfs_path_fits(int ret, size_t len)
{
	return ret >= 0 && (size_t)ret + 1 < len;
}

#endif /* CGWATCH_COMPAT_H */
