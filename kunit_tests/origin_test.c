// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for module/origin.c: namespaces of the current task, the
 * container decision, the opener's cgroup, and a file's hierarchy.
 */
#include <kunit/test.h>
#include <linux/cgroup.h>
#include <linux/file.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/user_namespace.h>
#include <net/net_namespace.h>
#include "../module/compat.h"
#include "../module/internal.h"
#include "files.h"

static void host_view(struct cgw_ns_view *view)
{
	int i;

	for (i = 0; i < CGW_NS_COUNT; i++) {
		view->inum[i] = 4026531835U + i;
		view->initial[i] = true;
	}
}

/* The KUnit thread is a kernel thread: every namespace is the first. */
static void ns_view_of_kernel_thread(struct kunit *test)
{
	struct cgw_ns_view v;
	int i;

	cgw_ns_view_current(&v);
	for (i = 0; i < CGW_NS_COUNT; i++)
		KUNIT_EXPECT_TRUE_MSG(test, v.initial[i], "namespace %d", i);
	KUNIT_EXPECT_EQ(test, v.inum[CGW_NS_PID], init_pid_ns.ns.inum);
	KUNIT_EXPECT_EQ(test, v.inum[CGW_NS_USER], init_user_ns.ns.inum);
	KUNIT_EXPECT_EQ(test, v.inum[CGW_NS_NET], init_net.ns.inum);
	KUNIT_EXPECT_EQ(test, v.inum[CGW_NS_CGROUP],
			init_task.nsproxy->cgroup_ns->ns.inum);
	KUNIT_EXPECT_EQ(test, v.inum[CGW_NS_MNT],
			cgw_mnt_ns_inum(init_task.nsproxy));
	/* Namespace inode numbers start at PROC_DYNAMIC_FIRST. */
	KUNIT_EXPECT_GE(test, v.inum[CGW_NS_MNT], 0xF0000000U);
}

static void host_task_is_not_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	KUNIT_EXPECT_FALSE(test, cgw_origin_is_container(&v, CGW_CGROUP_PLAIN));
}

static void container_cgroup_is_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	KUNIT_EXPECT_TRUE(test,
			  cgw_origin_is_container(&v, CGW_CGROUP_CONTAINER));
}

static void private_pid_ns_is_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	v.initial[CGW_NS_PID] = false;
	KUNIT_EXPECT_TRUE(test, cgw_origin_is_container(&v, CGW_CGROUP_PLAIN));
}

static void private_mnt_ns_is_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	v.initial[CGW_NS_MNT] = false;
	KUNIT_EXPECT_TRUE(test, cgw_origin_is_container(&v, CGW_CGROUP_PLAIN));
}

static void monitor_on_host_is_not_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	KUNIT_EXPECT_FALSE(test,
			   cgw_origin_is_container(&v, CGW_CGROUP_MONITOR));
}

static void monitor_in_private_mnt_ns_is_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	v.initial[CGW_NS_MNT] = false;
	KUNIT_EXPECT_TRUE(test,
			  cgw_origin_is_container(&v, CGW_CGROUP_MONITOR));
}

/* A cgroup or user namespace of its own makes a container too. */
static void private_cgroup_or_user_ns_is_container(struct kunit *test)
{
	static const int others[] = { CGW_NS_CGROUP, CGW_NS_USER };
	struct cgw_ns_view v;
	int i;

	for (i = 0; i < ARRAY_SIZE(others); i++) {
		host_view(&v);
		v.initial[others[i]] = false;
		KUNIT_EXPECT_TRUE_MSG(test,
				      cgw_origin_is_container(&v, CGW_CGROUP_PLAIN),
				      "namespace %d", others[i]);
	}
}

/* Host services may have a network namespace of their own. */
static void private_net_ns_alone_is_not_container(struct kunit *test)
{
	struct cgw_ns_view v;

	host_view(&v);
	v.initial[CGW_NS_NET] = false;
	KUNIT_EXPECT_FALSE(test, cgw_origin_is_container(&v, CGW_CGROUP_PLAIN));
}

static void kernel_thread_cgroup_is_root(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PATH_MAX, GFP_KERNEL);
	struct cgw_container c;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	memset(&c, 0x5a, sizeof(c));
	preempt_disable();
	KUNIT_EXPECT_EQ(test, cgw_current_cgroup(NULL, buf, PATH_MAX, &c),
			CGW_CGROUP_PLAIN);
	preempt_enable();
	KUNIT_EXPECT_STREQ(test, buf, "/");
	KUNIT_EXPECT_EQ(test, c.runtime, CGWATCH_RUNTIME_NONE);
	KUNIT_EXPECT_STREQ(test, c.id, "");
}

static void cgroup_buffer_too_small(struct kunit *test)
{
	struct cgw_container c;
	char buf[1] = { 'x' };

	KUNIT_EXPECT_EQ(test, cgw_current_cgroup(NULL, buf, sizeof(buf), &c),
			CGW_CGROUP_PLAIN);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
}

/* With cgroup2 skipped, a kernel thread is still at the root. */
static void kernel_thread_cgroup_skipping_cgroup2(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PATH_MAX, GFP_KERNEL);
	struct cgw_container c;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	memset(buf, 'x', PATH_MAX);
	preempt_disable();
	KUNIT_EXPECT_EQ(test,
			cgw_current_cgroup(&cgrp_dfl_root, buf, PATH_MAX, &c),
			CGW_CGROUP_PLAIN);
	preempt_enable();
	KUNIT_EXPECT_STREQ(test, buf, "/");
	KUNIT_EXPECT_EQ(test, c.runtime, CGWATCH_RUNTIME_NONE);
}

static void file_cgroup_root_of_v1_and_v2(struct kunit *test)
{
	struct file *v1 = kt_open(test, KT_RDMA_NOR, O_RDONLY);
	struct file *named = kt_open(test, KT_NAMED_NOR, O_RDONLY);
	struct file *v2 = kt_open(test, KT_V2_PROCS, O_RDONLY);
	const struct cgroup_root *r1 = cgw_file_cgroup_root(v1);
	const struct cgroup_root *rn = cgw_file_cgroup_root(named);

	KUNIT_EXPECT_PTR_EQ(test, cgw_file_cgroup_root(v2),
			    (const struct cgroup_root *)&cgrp_dfl_root);
	KUNIT_EXPECT_PTR_NE(test, r1,
			    (const struct cgroup_root *)&cgrp_dfl_root);
	KUNIT_EXPECT_PTR_NE(test, r1, rn);
	/* The child's file and the hierarchy root are of one hierarchy. */
	KUNIT_EXPECT_EQ(test, rn->subsys_mask, 0U);
	KUNIT_EXPECT_STREQ(test, rn->name, "kunit");
	fput(v1);
	fput(named);
	fput(v2);
}

static void expect_hierarchy(struct kunit *test, const char *path,
			     const char *name)
{
	struct file *file = kt_open(test, path, O_RDONLY);
	char buf[64];
	int len;

	len = cgw_file_hierarchy(file, buf, sizeof(buf));
	fput(file);
	KUNIT_EXPECT_EQ(test, len, (int)strlen(name));
	KUNIT_EXPECT_STREQ(test, buf, name);
}

static void hierarchy_controller(struct kunit *test)
{
	expect_hierarchy(test, KT_RDMA_NOR, "rdma");
}

static void hierarchy_named(struct kunit *test)
{
	expect_hierarchy(test, KT_NAMED_NOR, "name=kunit");
}

static void hierarchy_cpuset_filesystem(struct kunit *test)
{
	expect_hierarchy(test, KT_CPUSET_NOR, "cpuset");
}

static void hierarchy_buffer_too_small(struct kunit *test)
{
	struct file *file = kt_open(test, KT_NAMED_NOR, O_RDONLY);
	char buf[8];

	KUNIT_EXPECT_EQ(test, cgw_file_hierarchy(file, buf, sizeof(buf)),
			-ENAMETOOLONG);
	fput(file);
}

static struct kunit_case origin_cases[] = {
	KUNIT_CASE(ns_view_of_kernel_thread),
	KUNIT_CASE(host_task_is_not_container),
	KUNIT_CASE(container_cgroup_is_container),
	KUNIT_CASE(private_pid_ns_is_container),
	KUNIT_CASE(private_mnt_ns_is_container),
	KUNIT_CASE(monitor_on_host_is_not_container),
	KUNIT_CASE(monitor_in_private_mnt_ns_is_container),
	KUNIT_CASE(private_cgroup_or_user_ns_is_container),
	KUNIT_CASE(private_net_ns_alone_is_not_container),
	KUNIT_CASE(kernel_thread_cgroup_is_root),
	KUNIT_CASE(cgroup_buffer_too_small),
	KUNIT_CASE(kernel_thread_cgroup_skipping_cgroup2),
	KUNIT_CASE(file_cgroup_root_of_v1_and_v2),
	KUNIT_CASE(hierarchy_controller),
	KUNIT_CASE(hierarchy_named),
	KUNIT_CASE(hierarchy_cpuset_filesystem),
	KUNIT_CASE(hierarchy_buffer_too_small),
	{}
};

static struct kunit_suite origin_suite = {
	.name = "cgwatch_origin",
	.test_cases = origin_cases,
};

kunit_test_suite(origin_suite);
