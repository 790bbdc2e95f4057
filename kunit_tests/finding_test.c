// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for module/finding.c: a matched open recorded from atomic
 * context (the debug kernel's DEBUG_ATOMIC_SLEEP, lockdep and KASAN watch
 * every step), and the counters that account for it.
 */
#include <kunit/test.h>
#include <linux/file.h>
#include <linux/preempt.h>
#include "../module/internal.h"
#include "files.h"

struct counts {
	s64 matched, findings, sent, nolistener, nomem, backlog;
};

static void snapshot(struct counts *c)
{
	c->matched = atomic64_read(&cgw_counters.matched);
	c->findings = atomic64_read(&cgw_counters.findings);
	c->sent = atomic64_read(&cgw_counters.sent);
	c->nolistener = atomic64_read(&cgw_counters.drop_nolistener);
	c->nomem = atomic64_read(&cgw_counters.drop_nomem);
	c->backlog = atomic64_read(&cgw_counters.drop_backlog);
}

/* Open @path for writing and report it as the probe would: atomically. */
static void report_open(struct kunit *test, const char *path)
{
	struct file *file = kt_open(test, path, O_WRONLY);
	const struct cgw_rule *rule;

	preempt_disable();
	rule = cgw_match_file(file);
	if (rule)
		cgw_report(rule, file);
	preempt_enable();
	fput(file);
	KUNIT_EXPECT_NOT_NULL(test, rule);
}

static void host_open_is_a_match_not_a_finding(struct kunit *test)
{
	struct counts before, after;

	cgw_report_host = false;
	snapshot(&before);
	report_open(test, KT_RDMA_NOR);
	snapshot(&after);
	KUNIT_EXPECT_EQ(test, after.matched, before.matched + 1);
	KUNIT_EXPECT_EQ(test, after.findings, before.findings);
	KUNIT_EXPECT_EQ(test, after.nolistener, before.nolistener);
}

static void report_host_without_listener_is_lost(struct kunit *test)
{
	struct counts before, after;

	cgw_report_host = true;
	snapshot(&before);
	report_open(test, KT_NAMED_NOR);
	snapshot(&after);
	cgw_report_host = false;
	KUNIT_EXPECT_EQ(test, after.matched, before.matched + 1);
	KUNIT_EXPECT_EQ(test, after.findings, before.findings + 1);
	KUNIT_EXPECT_EQ(test, after.nolistener, before.nolistener + 1);
	KUNIT_EXPECT_EQ(test, after.sent, before.sent);
	KUNIT_EXPECT_EQ(test, after.nomem, before.nomem);
	KUNIT_EXPECT_EQ(test, after.backlog, before.backlog);
}

static int finding_suite_init(struct kunit_suite *suite)
{
	int err;

	cgw_cgroup1_fs = get_fs_type("cgroup");
	if (!cgw_cgroup1_fs)
		return -ENOENT;
	err = cgw_finding_init();
	if (err)
		return err;
	err = cgw_genl_register();
	if (err)
		cgw_finding_exit();
	return err;
}

static void finding_suite_exit(struct kunit_suite *suite)
{
	cgw_finding_exit();
	cgw_genl_unregister();
}

static struct kunit_case finding_cases[] = {
	KUNIT_CASE(host_open_is_a_match_not_a_finding),
	KUNIT_CASE(report_host_without_listener_is_lost),
	{}
};

static struct kunit_suite finding_suite = {
	.name = "cgwatch_finding",
	.suite_init = finding_suite_init,
	.suite_exit = finding_suite_exit,
	.test_cases = finding_cases,
};

kunit_test_suite(finding_suite);
