// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for module/probe.c: which opens match a rule. Real files on
 * real superblocks, plus hand-made ones for names no cgroup file has.
 */
#include <kunit/test.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/fs.h>
#include "../module/internal.h"
#include "files.h"

static const struct cgw_rule *match_path(struct kunit *test, const char *path,
					 int flags)
{
	struct file *file = kt_open(test, path, flags);
	const struct cgw_rule *rule = cgw_match_file(file);

	fput(file);
	return rule;
}

static void expect_trc106(struct kunit *test, const struct cgw_rule *rule)
{
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rule);
	KUNIT_EXPECT_STREQ(test, rule->id, "TRC-106");
	KUNIT_EXPECT_STREQ(test, rule->name,
			   "Cgroups notify_on_release file modification");
	KUNIT_EXPECT_STREQ(test, rule->technique, "T1611");
	KUNIT_EXPECT_EQ(test, rule->severity, 3U);
	KUNIT_EXPECT_STREQ(test, rule->file_name, "notify_on_release");
	KUNIT_EXPECT_EQ(test, rule->file_name_len, 17U);
}

static void v1_write_only(struct kunit *test)
{
	expect_trc106(test, match_path(test, KT_RDMA_NOR, O_WRONLY));
}

static void v1_read_write(struct kunit *test)
{
	expect_trc106(test, match_path(test, KT_RDMA_NOR, O_RDWR));
}

static void v1_write_append(struct kunit *test)
{
	expect_trc106(test, match_path(test, KT_RDMA_NOR, O_WRONLY | O_APPEND));
}

static void v1_read_only(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_path(test, KT_RDMA_NOR, O_RDONLY));
}

static void v1_named_hierarchy_child(struct kunit *test)
{
	expect_trc106(test, match_path(test, KT_NAMED_NOR, O_WRONLY));
}

static void v1_cpuset_filesystem(struct kunit *test)
{
	expect_trc106(test, match_path(test, KT_CPUSET_NOR, O_WRONLY));
}

static void v1_other_file(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_path(test, KT_RDMA_PROCS, O_WRONLY));
}

static void v1_release_agent_not_this_rule(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_path(test, KT_RDMA_AGENT, O_WRONLY));
}

static void cgroup2_file(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_path(test, KT_V2_PROCS, O_WRONLY));
}

static void tmpfs_same_name(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_path(test, KT_TMPFS_NOR, O_WRONLY));
}

/* A write-open of a dentry on a cgroup v1 superblock, with any name. */
static const struct cgw_rule *match_made_up(struct kunit *test,
					    const char *name, fmode_t mode,
					    struct file_system_type *type)
{
	struct super_block *sb = kunit_kzalloc(test, sizeof(*sb), GFP_KERNEL);
	struct dentry *dentry = kunit_kzalloc(test, sizeof(*dentry),
					      GFP_KERNEL);
	struct file *file = kunit_kzalloc(test, sizeof(*file), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, sb);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dentry);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, file);
	sb->s_type = type;
	dentry->d_sb = sb;
	dentry->d_name.name = name;
	dentry->d_name.len = strlen(name);
	file->f_path.dentry = dentry;
	file->f_mode = mode;
	return cgw_match_file(file);
}

static void made_up_exact_name(struct kunit *test)
{
	expect_trc106(test, match_made_up(test, "notify_on_release",
					  FMODE_WRITE, cgw_cgroup1_fs));
}

static void made_up_name_case(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_made_up(test, "notify_on_releasE",
					      FMODE_WRITE, cgw_cgroup1_fs));
}

static void made_up_name_prefix(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_made_up(test, "notify_on_releas",
					      FMODE_WRITE, cgw_cgroup1_fs));
}

static void made_up_name_longer(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_made_up(test, "notify_on_release~",
					      FMODE_WRITE, cgw_cgroup1_fs));
}

static void made_up_other_type(struct kunit *test)
{
	struct file_system_type other = { .name = "cgroup" };

	KUNIT_EXPECT_NULL(test, match_made_up(test, "notify_on_release",
					      FMODE_WRITE, &other));
}

static void made_up_exec_mode(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, match_made_up(test, "notify_on_release",
					      FMODE_READ | FMODE_EXEC,
					      cgw_cgroup1_fs));
}

static int probe_suite_init(struct kunit_suite *suite)
{
	cgw_cgroup1_fs = get_fs_type("cgroup");
	return cgw_cgroup1_fs ? 0 : -ENOENT;
}

static struct kunit_case probe_cases[] = {
	KUNIT_CASE(v1_write_only),
	KUNIT_CASE(v1_read_write),
	KUNIT_CASE(v1_write_append),
	KUNIT_CASE(v1_read_only),
	KUNIT_CASE(v1_named_hierarchy_child),
	KUNIT_CASE(v1_cpuset_filesystem),
	KUNIT_CASE(v1_other_file),
	KUNIT_CASE(v1_release_agent_not_this_rule),
	KUNIT_CASE(cgroup2_file),
	KUNIT_CASE(tmpfs_same_name),
	KUNIT_CASE(made_up_exact_name),
	KUNIT_CASE(made_up_name_case),
	KUNIT_CASE(made_up_name_prefix),
	KUNIT_CASE(made_up_name_longer),
	KUNIT_CASE(made_up_other_type),
	KUNIT_CASE(made_up_exec_mode),
	{}
};

static struct kunit_suite probe_suite = {
	.name = "cgwatch_probe",
	.suite_init = probe_suite_init,
	.test_cases = probe_cases,
};

kunit_test_suite(probe_suite);
