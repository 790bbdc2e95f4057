// SPDX-License-Identifier: GPL-2.0
/*
 * format.c - the text and JSON forms of findings and status.
 *
 * Text: one line per finding, "key=value" fields after the time, rule
 * and technique, values quoted when they hold anything but plain
 * printable ASCII (see escape.c). JSON: one object per line, built with
 * json-c; the field names are part of this program's interface and do
 * not change.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <json-c/json.h>

#include "escape.h"
#include "format.h"
#include "oflags.h"

/* One line, and "/" left as it is rather than escaped as "\/". */
#define JSON_FLAGS \
	(JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

static const char *const runtime_names[__CGWATCH_RUNTIME_MAX] = {
	[CGWATCH_RUNTIME_NONE]		= "none",
	[CGWATCH_RUNTIME_UNKNOWN]	= "unknown",
	[CGWATCH_RUNTIME_DOCKER]	= "docker",
	[CGWATCH_RUNTIME_CONTAINERD]	= "containerd",
	[CGWATCH_RUNTIME_CRIO]		= "crio",
	[CGWATCH_RUNTIME_PODMAN]	= "podman",
	[CGWATCH_RUNTIME_LXC]		= "lxc",
	[CGWATCH_RUNTIME_KUBERNETES]	= "kubernetes",
};

/* Status counters: the text label and the JSON name of each. */
struct counter {
	unsigned int attr;
	const char *label;
	const char *key;
	size_t offset;
};

#define COUNTER(a, l, k, field) \
	{ a, l, k, offsetof(struct cgw_status, field) }

static const struct counter counters[] = {
	COUNTER(CGWATCH_A_CNT_INSPECTED, "opens inspected",
		"opens_inspected", inspected),
	COUNTER(CGWATCH_A_CNT_MATCHED, "matches", "matches", matched),
	COUNTER(CGWATCH_A_CNT_FINDINGS, "findings", "findings", findings),
	COUNTER(CGWATCH_A_CNT_SENT, "findings sent", "findings_sent", sent),
	COUNTER(CGWATCH_A_CNT_DROP_NOMEM, "lost: no memory",
		"lost_no_memory", drop_nomem),
	COUNTER(CGWATCH_A_CNT_DROP_NOLISTENER, "lost: no listener",
		"lost_no_listener", drop_nolistener),
	COUNTER(CGWATCH_A_CNT_DROP_OVERRUN, "lost: socket full",
		"lost_socket_full", drop_overrun),
	COUNTER(CGWATCH_A_CNT_DROP_BACKLOG, "lost: backlog full",
		"lost_backlog_full", drop_backlog),
	COUNTER(CGWATCH_A_CNT_DROP_CONTEXT, "lost: unsafe context",
		"lost_unsafe_context", drop_context),
	COUNTER(CGWATCH_A_CNT_KPROBE_MISSED, "kprobe misses",
		"kprobe_misses", kprobe_missed),
};

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static uint64_t counter_value(const struct cgw_status *s,
			      const struct counter *c)
{
	uint64_t v;

	memcpy(&v, (const char *)s + c->offset, sizeof(v));
	return v;
}

int cgw_format_time(uint64_t ns, char *buf, size_t size)
{
	time_t secs = (time_t)(ns / 1000000000);
	unsigned int frac = (unsigned int)(ns % 1000000000);
	struct tm tm;
	size_t len;

	if (!gmtime_r(&secs, &tm))
		return -1;
	len = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!len)
		return -1;
	if ((size_t)snprintf(buf + len, size - len, ".%09uZ", frac) >=
	    size - len)
		return -1;
	return 0;
}

void cgw_format_dev(uint32_t dev, char *buf, size_t size)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	snprintf(buf, size, "%u:%u", major, minor);
}

const char *cgw_runtime_name(const struct cgw_finding *f)
{
	if (cgw_finding_has(f, CGWATCH_A_RUNTIME_NAME) && f->runtime_name[0])
		return f->runtime_name;
	if (!cgw_finding_has(f, CGWATCH_A_RUNTIME))
		return NULL;
	if (f->runtime < ARRAY_SIZE(runtime_names))
		return runtime_names[f->runtime];
	return "unknown";
}

/* ---- text ---- */

static void text_str(FILE *out, const struct cgw_finding *f,
		     unsigned int attr, const char *key, const char *value)
{
	if (!cgw_finding_has(f, attr))
		return;
	fprintf(out, " %s=", key);
	cgw_put_token(out, value);
}

static void text_u32(FILE *out, const struct cgw_finding *f,
		     unsigned int attr, const char *key, uint32_t value)
{
	if (cgw_finding_has(f, attr))
		fprintf(out, " %s=%" PRIu32, key, value);
}

/* Time, rule and technique are positional: "-" stands for absent. */
static void text_head(FILE *out, const struct cgw_finding *f)
{
	char time[CGW_TIME_TEXT_SIZE];

	if (cgw_finding_has(f, CGWATCH_A_TIME_NS) &&
	    !cgw_format_time(f->time_ns, time, sizeof(time)))
		fputs(time, out);
	else
		fputs("-", out);

	fputc(' ', out);
	cgw_put_token(out, cgw_finding_has(f, CGWATCH_A_RULE_ID) ?
		      f->rule_id : "-");
	text_u32(out, f, CGWATCH_A_SEVERITY, "sev", f->severity);
	fputc(' ', out);
	cgw_put_token(out, cgw_finding_has(f, CGWATCH_A_MITRE_TECHNIQUE) ?
		      f->mitre_technique : "-");
}

/* "container=no" on the host, else "container=runtime[/id]". */
static void text_container(FILE *out, const struct cgw_finding *f)
{
	char value[CGW_RUNTIME_NAME_SIZE + CGW_CONTAINER_ID_SIZE + 16];
	const char *runtime = cgw_runtime_name(f);

	if (!cgw_finding_has(f, CGWATCH_A_CONTAINER))
		return;
	if (!f->container) {
		fputs(" container=no", out);
		return;
	}
	if (!runtime)
		runtime = "unknown";
	if (cgw_finding_has(f, CGWATCH_A_CONTAINER_ID) && f->container_id[0])
		snprintf(value, sizeof(value), "%s/%s", runtime,
			 f->container_id);
	else
		snprintf(value, sizeof(value), "%s", runtime);
	fputs(" container=", out);
	cgw_put_token(out, value);
}

static void text_task(FILE *out, const struct cgw_finding *f)
{
	text_u32(out, f, CGWATCH_A_PID, "pid", f->pid);
	text_u32(out, f, CGWATCH_A_TID, "tid", f->tid);
	text_u32(out, f, CGWATCH_A_NS_PID, "vpid", f->ns_pid);
	text_u32(out, f, CGWATCH_A_PPID, "ppid", f->ppid);
	text_u32(out, f, CGWATCH_A_UID, "uid", f->uid);
	text_str(out, f, CGWATCH_A_COMM, "comm", f->comm);
	text_str(out, f, CGWATCH_A_EXE, "exe", f->exe);
}

/* "cgroup_file=hierarchy:/path" (no prefix without a hierarchy). */
static void text_cgroup_file(FILE *out, const struct cgw_finding *f)
{
	char value[CGW_HIERARCHY_SIZE + CGW_PATH_SIZE + 16];

	if (!cgw_finding_has(f, CGWATCH_A_CGROUP_FILE))
		return;
	if (cgw_finding_has(f, CGWATCH_A_HIERARCHY))
		snprintf(value, sizeof(value), "%s:%s", f->hierarchy,
			 f->cgroup_file);
	else
		snprintf(value, sizeof(value), "%s", f->cgroup_file);
	fputs(" cgroup_file=", out);
	cgw_put_token(out, value);
}

static void text_file(FILE *out, const struct cgw_finding *f)
{
	char flags[CGW_OFLAGS_TEXT_SIZE];

	text_str(out, f, CGWATCH_A_FILE_PATH, "path", f->file_path);
	text_cgroup_file(out, f);
	if (cgw_finding_has(f, CGWATCH_A_FLAGS)) {
		cgw_oflags_text(f->flags, flags, sizeof(flags));
		fprintf(out, " flags=%s", flags);
	}
}

int cgw_print_finding_text(FILE *out, const struct cgw_finding *f)
{
	text_head(out, f);
	text_container(out, f);
	text_task(out, f);
	text_file(out, f);
	text_str(out, f, CGWATCH_A_CGROUP_PATH, "cgroup", f->cgroup_path);
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}

/* ---- JSON ---- */

/* An object being built; the first failure sticks in @err. */
struct jbuild {
	struct json_object *obj;
	int err;
};

/* Add @val (NULL after a failed allocation) as @key. */
static void put_json(struct jbuild *b, const char *key,
		     struct json_object *val)
{
	if (!val) {
		b->err = -1;
		return;
	}
	/* Keys are string constants, each added once: no copy, no lookup. */
	if (json_object_object_add_ex(b->obj, key, val,
				      JSON_C_OBJECT_ADD_KEY_IS_NEW |
				      JSON_C_OBJECT_KEY_IS_CONSTANT)) {
		json_object_put(val);
		b->err = -1;
	}
}

static void put_str(struct jbuild *b, bool present, const char *key,
		    const char *value)
{
	char *clean;

	if (!present)
		return;
	if (cgw_utf8_valid(value)) {
		put_json(b, key, json_object_new_string(value));
		return;
	}
	clean = cgw_utf8_clean(value);
	if (!clean) {
		b->err = -1;
		return;
	}
	put_json(b, key, json_object_new_string(clean));
	free(clean);
}

static void put_u64(struct jbuild *b, bool present, const char *key,
		    uint64_t value)
{
	if (present)
		put_json(b, key, json_object_new_uint64(value));
}

#define HAS(attr)	cgw_finding_has(f, CGWATCH_A_##attr)

static void json_rule(struct jbuild *b, const struct cgw_finding *f)
{
	char when[CGW_TIME_TEXT_SIZE] = "";
	bool has_time = HAS(TIME_NS) &&
			!cgw_format_time(f->time_ns, when, sizeof(when));

	put_str(b, HAS(RULE_ID), "rule_id", f->rule_id);
	put_str(b, HAS(RULE_NAME), "rule_name", f->rule_name);
	put_u64(b, HAS(SEVERITY), "severity", f->severity);
	put_str(b, HAS(MITRE_TECHNIQUE), "mitre_technique",
		f->mitre_technique);
	put_u64(b, HAS(TIME_NS), "time_ns", f->time_ns);
	put_str(b, has_time, "time", when);
}

static void json_task(struct jbuild *b, const struct cgw_finding *f)
{
	put_u64(b, HAS(PID), "pid", f->pid);
	put_u64(b, HAS(TID), "tid", f->tid);
	put_u64(b, HAS(NS_PID), "vpid", f->ns_pid);
	put_u64(b, HAS(PPID), "ppid", f->ppid);
	put_u64(b, HAS(UID), "uid", f->uid);
	put_u64(b, HAS(GID), "gid", f->gid);
	put_u64(b, HAS(EUID), "euid", f->euid);
	put_str(b, HAS(COMM), "comm", f->comm);
	put_str(b, HAS(EXE), "exe", f->exe);
}

static void json_file(struct jbuild *b, const struct cgw_finding *f)
{
	char flags[CGW_OFLAGS_TEXT_SIZE] = "";
	char dev[CGW_DEV_TEXT_SIZE] = "";

	if (HAS(FLAGS))
		cgw_oflags_text(f->flags, flags, sizeof(flags));
	if (HAS(DEV))
		cgw_format_dev(f->dev, dev, sizeof(dev));

	put_str(b, HAS(FILE_PATH), "path", f->file_path);
	put_str(b, HAS(CGROUP_FILE), "cgroup_file", f->cgroup_file);
	put_str(b, HAS(HIERARCHY), "hierarchy", f->hierarchy);
	put_u64(b, HAS(FLAGS), "flags", f->flags);
	put_str(b, HAS(FLAGS), "flags_text", flags);
	put_str(b, HAS(DEV), "dev", dev);
	put_u64(b, HAS(INO), "ino", f->ino);
}

static void json_place(struct jbuild *b, const struct cgw_finding *f)
{
	const char *runtime = cgw_runtime_name(f);

	put_str(b, HAS(CGROUP_PATH), "cgroup_path", f->cgroup_path);
	if (HAS(CONTAINER))
		put_json(b, "container",
			 json_object_new_boolean(f->container != 0));
	put_str(b, HAS(CONTAINER_ID), "container_id", f->container_id);
	put_str(b, runtime != NULL, "runtime", runtime);
	put_u64(b, HAS(PIDNS), "pidns", f->pidns);
	put_u64(b, HAS(MNTNS), "mntns", f->mntns);
	put_u64(b, HAS(CGROUPNS), "cgroupns", f->cgroupns);
	put_u64(b, HAS(USERNS), "userns", f->userns);
	put_u64(b, HAS(NETNS), "netns", f->netns);
}

#undef HAS

/* Print the object as one line and drop it. */
static int json_print(FILE *out, struct jbuild *b)
{
	const char *text = NULL;

	if (!b->err)
		text = json_object_to_json_string_ext(b->obj, JSON_FLAGS);
	if (text)
		fprintf(out, "%s\n", text);
	json_object_put(b->obj);
	return !text || ferror(out) ? -1 : 0;
}

int cgw_print_finding_json(FILE *out, const struct cgw_finding *f)
{
	struct jbuild b = { .obj = json_object_new_object() };

	if (!b.obj)
		return -1;
	json_rule(&b, f);
	json_task(&b, f);
	json_file(&b, f);
	json_place(&b, f);
	return json_print(out, &b);
}

/* ---- status ---- */

#define STATUS_LABEL_WIDTH	22

static void text_label(FILE *out, const char *label)
{
	int pad = STATUS_LABEL_WIDTH - (int)strlen(label) - 1;

	fprintf(out, "%s:%*s", label, pad > 0 ? pad : 1, "");
}

int cgw_print_status_text(FILE *out, const struct cgw_status *s)
{
	size_t i;

	if (cgw_status_has(s, CGWATCH_A_VERSION)) {
		text_label(out, "version");
		cgw_put_token(out, s->version);
		fputc('\n', out);
	}
	if (cgw_status_has(s, CGWATCH_A_PROTOCOL)) {
		text_label(out, "protocol");
		fprintf(out, "%" PRIu32 "\n", s->protocol);
	}
	if (cgw_status_has(s, CGWATCH_A_LISTENING)) {
		text_label(out, "listening");
		fputs(s->listening ? "yes\n" : "no\n", out);
	}
	if (cgw_status_has(s, CGWATCH_A_SUBSCRIBE_ADMIN)) {
		text_label(out, "subscribing");
		fputs(s->subscribe_admin ? "CAP_NET_ADMIN only\n" :
		      "any user\n", out);
	}
	for (i = 0; i < ARRAY_SIZE(counters); i++) {
		if (!cgw_status_has(s, counters[i].attr))
			continue;
		text_label(out, counters[i].label);
		fprintf(out, "%" PRIu64 "\n", counter_value(s, &counters[i]));
	}
	return ferror(out) ? -1 : 0;
}

int cgw_print_status_json(FILE *out, const struct cgw_status *s)
{
	struct jbuild b = { .obj = json_object_new_object() };
	size_t i;

	if (!b.obj)
		return -1;
	put_str(&b, cgw_status_has(s, CGWATCH_A_VERSION), "version",
		s->version);
	put_u64(&b, cgw_status_has(s, CGWATCH_A_PROTOCOL), "protocol",
		s->protocol);
	if (cgw_status_has(s, CGWATCH_A_LISTENING))
		put_json(&b, "listening",
			 json_object_new_boolean(s->listening != 0));
	if (cgw_status_has(s, CGWATCH_A_SUBSCRIBE_ADMIN))
		put_json(&b, "subscribe_needs_admin",
			 json_object_new_boolean(s->subscribe_admin != 0));
	for (i = 0; i < ARRAY_SIZE(counters); i++)
		put_u64(&b, cgw_status_has(s, counters[i].attr),
			counters[i].key, counter_value(s, &counters[i]));
	return json_print(out, &b);
}
