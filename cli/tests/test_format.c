// SPDX-License-Identifier: GPL-2.0
/*
 * test_format.c - the text line and the JSON object of findings, and
 * both forms of the status, compared in full with what is expected.
 */
#include <stdlib.h>
#include <string.h>
#include <asm/fcntl.h>
#include <json-c/json.h>

#include "format.h"
#include "msg.h"
#include "unit.h"

#define ID	TEST_CONTAINER_ID

typedef int (*finding_printer)(FILE *out, const struct cgw_finding *f);
typedef int (*status_printer)(FILE *out, const struct cgw_status *s);

static char *print_finding(finding_printer print, const struct cgw_finding *f)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(print(out, f), 0);
	assert_int_equal(fclose(out), 0);
	return text;
}

static void expect_finding(finding_printer print, const struct cgw_finding *f,
			   const char *expected)
{
	char *text = print_finding(print, f);

	assert_string_equal(text, expected);
	free(text);
}

static void expect_status(status_printer print, const struct cgw_status *s,
			  const char *expected)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(print(out, s), 0);
	assert_int_equal(fclose(out), 0);
	assert_string_equal(text, expected);
	free(text);
}

static void example_finding(struct cgw_finding *f)
{
	union msg_buf buf;

	assert_int_equal(cgw_decode_finding(msg_example_finding(buf.data), f,
					    NULL), 0);
}

static void example_status(struct cgw_status *s)
{
	union msg_buf buf;

	assert_int_equal(cgw_decode_status(msg_example_status(buf.data), s,
					   NULL), 0);
}

static void set(struct cgw_finding *f, unsigned int attr)
{
	f->present |= UINT64_C(1) << attr;
}

/* ---- findings as text ---- */

static void test_text_example(void **state)
{
	struct cgw_finding f;

	(void)state;
	example_finding(&f);
	expect_finding(cgw_print_finding_text, &f,
		"2026-12-03T19:10:58.123456789Z TRC-106 sev=3 T1611 "
		"container=docker/" ID " pid=812 tid=813 vpid=1 ppid=800 uid=0 "
		"comm=sh exe=/bin/busybox path=/tmp/c/x/notify_on_release "
		"cgroup_file=rdma:/x/notify_on_release "
		"flags=O_WRONLY|O_CREAT|O_TRUNC cgroup=/docker/" ID "\n");
}

static void test_text_host_opener(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	strcpy(f.rule_id, "TRC-101");
	set(&f, CGWATCH_A_RULE_ID);
	f.severity = 2;
	set(&f, CGWATCH_A_SEVERITY);
	f.container = 0;
	set(&f, CGWATCH_A_CONTAINER);
	f.runtime = CGWATCH_RUNTIME_NONE;
	set(&f, CGWATCH_A_RUNTIME);
	f.pid = 99;
	set(&f, CGWATCH_A_PID);
	strcpy(f.cgroup_file, "/release_agent");
	set(&f, CGWATCH_A_CGROUP_FILE);
	f.flags = O_RDWR | O_APPEND;
	set(&f, CGWATCH_A_FLAGS);
	expect_finding(cgw_print_finding_text, &f,
		"- TRC-101 sev=2 - container=no pid=99 "
		"cgroup_file=/release_agent flags=O_RDWR|O_APPEND\n");
}

static void test_text_nothing_present(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	f.pid = 5;	/* not marked present: must not appear */
	expect_finding(cgw_print_finding_text, &f, "- - -\n");
}

static void test_text_comm_control_chars(void **state)
{
	struct cgw_finding f = { 0 };
	char *text;

	(void)state;
	strcpy(f.comm, "x\ny\x1b[2J");
	set(&f, CGWATCH_A_COMM);
	strcpy(f.exe, "/tmp/my prog");
	set(&f, CGWATCH_A_EXE);
	text = print_finding(cgw_print_finding_text, &f);
	assert_string_equal(text,
		"- - - comm=\"x\\ny\\x1b[2J\" exe=\"/tmp/my prog\"\n");
	/* one finding, one line */
	assert_ptr_equal(strchr(text, '\n'), text + strlen(text) - 1);
	free(text);
}

static void test_text_container_without_id(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	f.container = 1;
	set(&f, CGWATCH_A_CONTAINER);
	set(&f, CGWATCH_A_CONTAINER_ID);	/* empty: not known */
	f.runtime = CGWATCH_RUNTIME_LXC;
	set(&f, CGWATCH_A_RUNTIME);
	expect_finding(cgw_print_finding_text, &f, "- - - container=lxc\n");

	f.present = 0;
	set(&f, CGWATCH_A_CONTAINER);
	strcpy(f.container_id, "my box");
	set(&f, CGWATCH_A_CONTAINER_ID);
	expect_finding(cgw_print_finding_text, &f,
		       "- - - container=\"unknown/my box\"\n");
}

/* ---- findings as JSON ---- */

static const char example_json[] =
	"{\"rule_id\":\"TRC-106\","
	"\"rule_name\":\"cgroup v1 notify_on_release opened for writing\","
	"\"severity\":3,\"mitre_technique\":\"T1611\","
	"\"time_ns\":1796325058123456789,"
	"\"time\":\"2026-12-03T19:10:58.123456789Z\","
	"\"pid\":812,\"tid\":813,\"vpid\":1,\"ppid\":800,"
	"\"uid\":0,\"gid\":1001,\"euid\":1002,"
	"\"comm\":\"sh\",\"exe\":\"/bin/busybox\","
	"\"path\":\"/tmp/c/x/notify_on_release\","
	"\"cgroup_file\":\"/x/notify_on_release\",\"hierarchy\":\"rdma\","
	"\"flags\":577,\"flags_text\":\"O_WRONLY|O_CREAT|O_TRUNC\","
	"\"dev\":\"259:65541\",\"ino\":123456789012,"
	"\"cgroup_path\":\"/docker/" ID "\","
	"\"container\":true,\"container_id\":\"" ID "\","
	"\"runtime\":\"docker\","
	"\"pidns\":4026532290,\"mntns\":4026532288,"
	"\"cgroupns\":4026532291,\"userns\":4026531837,"
	"\"netns\":4026532293}\n";

static void test_json_example(void **state)
{
	struct cgw_finding f;

	(void)state;
	example_finding(&f);
	expect_finding(cgw_print_finding_json, &f, example_json);
}

static struct json_object *parse_line(const char *text)
{
	struct json_object *obj;

	assert_ptr_equal(strchr(text, '\n'), text + strlen(text) - 1);
	obj = json_tokener_parse(text);
	assert_non_null(obj);
	assert_true(json_object_is_type(obj, json_type_object));
	return obj;
}

static const char *get_str(struct json_object *obj, const char *key)
{
	struct json_object *val;

	assert_true(json_object_object_get_ex(obj, key, &val));
	assert_true(json_object_is_type(val, json_type_string));
	return json_object_get_string(val);
}

static int64_t get_int(struct json_object *obj, const char *key)
{
	struct json_object *val;

	assert_true(json_object_object_get_ex(obj, key, &val));
	assert_true(json_object_is_type(val, json_type_int));
	return json_object_get_int64(val);
}

/* Same example, read back: types and values field by field. */
static void test_json_example_parsed(void **state)
{
	struct cgw_finding f;
	struct json_object *obj, *val;
	char *text;

	(void)state;
	example_finding(&f);
	text = print_finding(cgw_print_finding_json, &f);
	obj = parse_line(text);
	assert_int_equal(json_object_object_length(obj), 31);
	assert_string_equal(get_str(obj, "rule_id"), "TRC-106");
	assert_int_equal(get_int(obj, "severity"), 3);
	assert_true(get_int(obj, "time_ns") == INT64_C(1796325058123456789));
	assert_int_equal(get_int(obj, "vpid"), 1);
	assert_int_equal(get_int(obj, "euid"), 1002);
	assert_string_equal(get_str(obj, "path"),
			    "/tmp/c/x/notify_on_release");
	assert_int_equal(get_int(obj, "flags"), O_WRONLY | O_CREAT | O_TRUNC);
	assert_string_equal(get_str(obj, "dev"), "259:65541");
	assert_true(get_int(obj, "ino") == INT64_C(123456789012));
	assert_true(json_object_object_get_ex(obj, "container", &val));
	assert_true(json_object_is_type(val, json_type_boolean));
	assert_true(json_object_get_boolean(val));
	assert_string_equal(get_str(obj, "runtime"), "docker");
	assert_true(get_int(obj, "netns") == 4026532293);
	json_object_put(obj);
	free(text);
}

static void test_json_absent_omitted(void **state)
{
	union msg_buf buf;
	struct cgw_finding f;

	(void)state;
	assert_int_equal(cgw_decode_finding(msg_small_finding(buf.data, 77),
					    &f, NULL), 0);
	expect_finding(cgw_print_finding_json, &f,
		       "{\"rule_id\":\"TRC-001\",\"pid\":77}\n");
	f.present = 0;
	expect_finding(cgw_print_finding_json, &f, "{}\n");
}

static void test_json_flags_dev_host(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	f.flags = O_RDWR | O_APPEND;
	set(&f, CGWATCH_A_FLAGS);
	f.dev = 0x801;		/* sda1 */
	set(&f, CGWATCH_A_DEV);
	set(&f, CGWATCH_A_CONTAINER);	/* 0: host */
	f.runtime = CGWATCH_RUNTIME_NONE;
	set(&f, CGWATCH_A_RUNTIME);
	expect_finding(cgw_print_finding_json, &f,
		       "{\"flags\":1026,\"flags_text\":\"O_RDWR|O_APPEND\","
		       "\"dev\":\"8:1\",\"container\":false,"
		       "\"runtime\":\"none\"}\n");
}

static void test_json_control_chars(void **state)
{
	struct cgw_finding f = { 0 };
	struct json_object *obj;
	char *text;

	(void)state;
	strcpy(f.comm, "a\"b\\c\nd\x01");
	set(&f, CGWATCH_A_COMM);
	text = print_finding(cgw_print_finding_json, &f);
	assert_string_equal(text,
			    "{\"comm\":\"a\\\"b\\\\c\\nd\\u0001\"}\n");
	obj = parse_line(text);
	assert_string_equal(get_str(obj, "comm"), f.comm);
	json_object_put(obj);
	free(text);
}

static void test_json_invalid_utf8(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	strcpy(f.file_path, "/tmp/\xff\xfe/caf\xc3\xa9");
	set(&f, CGWATCH_A_FILE_PATH);
	expect_finding(cgw_print_finding_json, &f,
		       "{\"path\":\"/tmp/\xef\xbf\xbd\xef\xbf\xbd"
		       "/caf\xc3\xa9\"}\n");
}

static void test_json_u64_extremes(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	f.ino = UINT64_MAX;
	set(&f, CGWATCH_A_INO);
	f.uid = UINT32_MAX;
	set(&f, CGWATCH_A_UID);
	expect_finding(cgw_print_finding_json, &f,
		       "{\"uid\":4294967295,\"ino\":18446744073709551615}\n");
}

/* ---- helpers ---- */

static void expect_time(uint64_t ns, const char *expected)
{
	char buf[CGW_TIME_TEXT_SIZE];

	assert_int_equal(cgw_format_time(ns, buf, sizeof(buf)), 0);
	assert_string_equal(buf, expected);
}

static void test_time(void **state)
{
	char small[20];

	(void)state;
	expect_time(0, "1970-01-01T00:00:00.000000000Z");
	expect_time(5, "1970-01-01T00:00:00.000000005Z");
	expect_time(UINT64_C(1796325058123456789),
		    "2026-12-03T19:10:58.123456789Z");
	expect_time(UINT64_C(951782400999999999),	/* leap day */
		    "2000-02-29T00:00:00.999999999Z");
	assert_int_equal(cgw_format_time(0, small, sizeof(small)), -1);
}

static void expect_dev(uint32_t dev, const char *expected)
{
	char buf[CGW_DEV_TEXT_SIZE];

	cgw_format_dev(dev, buf, sizeof(buf));
	assert_string_equal(buf, expected);
}

static void test_dev(void **state)
{
	(void)state;
	expect_dev(0, "0:0");
	expect_dev(0x801, "8:1");
	expect_dev(0x10010305, "259:65541");
	/* largest: major 4095, minor 1048575 */
	expect_dev(0xffffffff, "4095:1048575");
	expect_dev(0x2d, "0:45");	/* anonymous bdev, e.g. overlayfs */
}

static void test_runtime_name(void **state)
{
	struct cgw_finding f = { 0 };

	(void)state;
	assert_null(cgw_runtime_name(&f));
	f.runtime = CGWATCH_RUNTIME_CONTAINERD;
	set(&f, CGWATCH_A_RUNTIME);
	assert_string_equal(cgw_runtime_name(&f), "containerd");
	f.runtime = CGWATCH_RUNTIME_KUBERNETES;
	assert_string_equal(cgw_runtime_name(&f), "kubernetes");
	f.runtime = 99;		/* from a newer module */
	assert_string_equal(cgw_runtime_name(&f), "unknown");
	strcpy(f.runtime_name, "youki");
	set(&f, CGWATCH_A_RUNTIME_NAME);
	assert_string_equal(cgw_runtime_name(&f), "youki");
}

/* ---- status ---- */

static void test_status_text(void **state)
{
	struct cgw_status s;

	(void)state;
	example_status(&s);
	expect_status(cgw_print_status_text, &s,
		      "version:              0.3.1\n"
		      "protocol:             1\n"
		      "listening:            yes\n"
		      "subscribing:          CAP_NET_ADMIN only\n"
		      "opens inspected:      5000000000\n"
		      "matches:              12\n"
		      "findings:             11\n"
		      "findings sent:        10\n"
		      "lost: no memory:      1\n"
		      "lost: no listener:    2\n"
		      "lost: socket full:    3\n"
		      "lost: backlog full:   4\n"
		      "lost: unsafe context: 6\n"
		      "kprobe misses:        5\n");
}

static void test_status_json(void **state)
{
	struct cgw_status s;

	(void)state;
	example_status(&s);
	expect_status(cgw_print_status_json, &s,
		      "{\"version\":\"0.3.1\",\"protocol\":1,"
		      "\"listening\":true,\"subscribe_needs_admin\":true,"
		      "\"opens_inspected\":5000000000,\"matches\":12,"
		      "\"findings\":11,\"findings_sent\":10,"
		      "\"lost_no_memory\":1,\"lost_no_listener\":2,"
		      "\"lost_socket_full\":3,\"lost_backlog_full\":4,"
		      "\"lost_unsafe_context\":6,\"kprobe_misses\":5}\n");
}

static void test_status_partial(void **state)
{
	struct cgw_status s = { 0 };

	(void)state;
	strcpy(s.version, "1.0 rc1");
	s.present |= UINT64_C(1) << CGWATCH_A_VERSION;
	s.drop_overrun = 7;
	s.present |= UINT64_C(1) << CGWATCH_A_CNT_DROP_OVERRUN;
	expect_status(cgw_print_status_text, &s,
		      "version:              \"1.0 rc1\"\n"
		      "lost: socket full:    7\n");
	expect_status(cgw_print_status_json, &s,
		      "{\"version\":\"1.0 rc1\",\"lost_socket_full\":7}\n");
}

/* A full disk is reported, not ignored. */
static void test_write_error(void **state)
{
	struct cgw_finding f;
	FILE *out = fopen("/dev/full", "w");

	(void)state;
	assert_non_null(out);
	setvbuf(out, NULL, _IONBF, 0);
	example_finding(&f);
	assert_int_equal(cgw_print_finding_text(out, &f), -1);
	clearerr(out);
	assert_int_equal(cgw_print_finding_json(out, &f), -1);
	fclose(out);
}

void run_format_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_example),
		cmocka_unit_test(test_text_host_opener),
		cmocka_unit_test(test_text_nothing_present),
		cmocka_unit_test(test_text_comm_control_chars),
		cmocka_unit_test(test_text_container_without_id),
		cmocka_unit_test(test_json_example),
		cmocka_unit_test(test_json_example_parsed),
		cmocka_unit_test(test_json_absent_omitted),
		cmocka_unit_test(test_json_flags_dev_host),
		cmocka_unit_test(test_json_control_chars),
		cmocka_unit_test(test_json_invalid_utf8),
		cmocka_unit_test(test_json_u64_extremes),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_dev),
		cmocka_unit_test(test_runtime_name),
		cmocka_unit_test(test_status_text),
		cmocka_unit_test(test_status_json),
		cmocka_unit_test(test_status_partial),
		cmocka_unit_test(test_write_error),
	};

	UNIT_RUN(t, "format", tests);
}
