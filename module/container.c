// SPDX-License-Identifier: GPL-2.0
/*
 * Container id and runtime from a cgroup path.
 *
 * Runtimes name the cgroups of their containers in a few known shapes.
 * The path is read from the leaf towards the root and the deepest
 * component that names a container decides, so a container nested in
 * another gives the innermost id. A runtime's monitor (conmon,
 * lxc.monitor) is named only where no container is named above it. A
 * path that names nothing known is a plain cgroup: the caller then relies
 * on namespaces.
 *
 * Pure string work on the caller's buffer: no lock, no allocation, safe
 * in any context.
 */
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "internal.h"

#define CGW_HEX_ID_LEN	64

enum cgw_id_form {
	CGW_ID_HEX64,		/* 64 lowercase hex digits */
	CGW_ID_NAME,		/* a name, as LXC uses */
};

/* A component of the shape <prefix><id><suffix>. */
struct cgw_pattern {
	const char *prefix;
	const char *suffix;
	enum cgwatch_runtime runtime;
	enum cgw_cgroup_kind kind;
	enum cgw_id_form form;
};

static const struct cgw_pattern cgw_patterns[] = {
	/* Monitors: their names extend the containers' prefixes. */
	{ "crio-conmon-", ".scope", CGWATCH_RUNTIME_CRIO,
	  CGW_CGROUP_MONITOR, CGW_ID_HEX64 },
	{ "libpod-conmon-", ".scope", CGWATCH_RUNTIME_PODMAN,
	  CGW_CGROUP_MONITOR, CGW_ID_HEX64 },
	{ "lxc.monitor.", "", CGWATCH_RUNTIME_LXC,
	  CGW_CGROUP_MONITOR, CGW_ID_NAME },
	/* systemd cgroup driver scopes */
	{ "docker-", ".scope", CGWATCH_RUNTIME_DOCKER,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	{ "cri-containerd-", ".scope", CGWATCH_RUNTIME_CONTAINERD,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	{ "crio-", ".scope", CGWATCH_RUNTIME_CRIO,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	{ "libpod-", ".scope", CGWATCH_RUNTIME_PODMAN,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	/* cgroupfs driver directories */
	{ "crio-", "", CGWATCH_RUNTIME_CRIO,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	{ "libpod-", "", CGWATCH_RUNTIME_PODMAN,
	  CGW_CGROUP_CONTAINER, CGW_ID_HEX64 },
	{ "lxc.payload.", "", CGWATCH_RUNTIME_LXC,
	  CGW_CGROUP_CONTAINER, CGW_ID_NAME },
};

/* "<slice>:<tag>:<id>": CRI runtimes without systemd cgroups. */
static const struct {
	const char *tag;
	enum cgwatch_runtime runtime;
} cgw_cri_tags[] = {
	{ "cri-containerd", CGWATCH_RUNTIME_CONTAINERD },
	{ "crio", CGWATCH_RUNTIME_CRIO },
	{ "docker", CGWATCH_RUNTIME_DOCKER },
};

static const char *const cgw_runtime_names[__CGWATCH_RUNTIME_MAX] = {
	[CGWATCH_RUNTIME_NONE]		= "none",
	[CGWATCH_RUNTIME_UNKNOWN]	= "unknown",
	[CGWATCH_RUNTIME_DOCKER]	= "docker",
	[CGWATCH_RUNTIME_CONTAINERD]	= "containerd",
	[CGWATCH_RUNTIME_CRIO]		= "crio",
	[CGWATCH_RUNTIME_PODMAN]	= "podman",
	[CGWATCH_RUNTIME_LXC]		= "lxc",
	[CGWATCH_RUNTIME_KUBERNETES]	= "kubernetes",
};

const char *cgw_runtime_name(enum cgwatch_runtime runtime)
{
	if ((unsigned int)runtime >= __CGWATCH_RUNTIME_MAX)
		return "unknown";
	return cgw_runtime_names[runtime];
}

/* One component of a path: not NUL-terminated. */
struct cgw_span {
	const char *s;
	size_t len;
};

static bool cgw_span_is(const struct cgw_span *c, const char *word)
{
	size_t len = strlen(word);

	return c->len == len && !memcmp(c->s, word, len);
}

static bool cgw_span_starts(const struct cgw_span *c, const char *prefix)
{
	size_t len = strlen(prefix);

	return c->len >= len && !memcmp(c->s, prefix, len);
}

static bool cgw_id_valid(const char *id, size_t len, enum cgw_id_form form)
{
	size_t i;

	if (form == CGW_ID_HEX64) {
		if (len != CGW_HEX_ID_LEN)
			return false;
		for (i = 0; i < len; i++)
			if (!isdigit(id[i]) && !(id[i] >= 'a' && id[i] <= 'f'))
				return false;
		return true;
	}
	if (len == 0 || len > CGWATCH_CONTAINER_ID_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(id[i]))
			return false;
	return true;
}

static void cgw_set_id(struct cgw_container *c, enum cgwatch_runtime runtime,
		       const char *id, size_t len)
{
	c->runtime = runtime;
	memcpy(c->id, id, len);
	c->id[len] = '\0';
}

static enum cgw_cgroup_kind cgw_match_pattern(const struct cgw_span *comp,
					      struct cgw_container *c)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cgw_patterns); i++) {
		const struct cgw_pattern *p = &cgw_patterns[i];
		size_t pre = strlen(p->prefix), suf = strlen(p->suffix);
		const char *id = comp->s + pre;
		size_t id_len;

		if (comp->len <= pre + suf || !cgw_span_starts(comp, p->prefix))
			continue;
		if (memcmp(comp->s + comp->len - suf, p->suffix, suf))
			continue;
		id_len = comp->len - pre - suf;
		if (!cgw_id_valid(id, id_len, p->form))
			continue;
		cgw_set_id(c, p->runtime, id, id_len);
		return p->kind;
	}
	return CGW_CGROUP_PLAIN;
}

static enum cgw_cgroup_kind cgw_match_cri_tag(const struct cgw_span *comp,
					      struct cgw_container *c)
{
	const char *end = comp->s + comp->len;
	const char *id, *tag;
	unsigned int i;

	id = memchr(comp->s, ':', comp->len);
	if (!id)
		return CGW_CGROUP_PLAIN;
	tag = id + 1;
	id = memchr(tag, ':', end - tag);
	if (!id)
		return CGW_CGROUP_PLAIN;
	id++;
	if (!cgw_id_valid(id, end - id, CGW_ID_HEX64))
		return CGW_CGROUP_PLAIN;
	for (i = 0; i < ARRAY_SIZE(cgw_cri_tags); i++) {
		struct cgw_span t = { tag, id - 1 - tag };

		if (cgw_span_is(&t, cgw_cri_tags[i].tag)) {
			cgw_set_id(c, cgw_cri_tags[i].runtime, id, end - id);
			return CGW_CGROUP_CONTAINER;
		}
	}
	return CGW_CGROUP_PLAIN;
}

/*
 * Step @c to the component above it in @path (which starts at @path).
 * Return false once the root is reached.
 */
static bool cgw_parent(const char *path, struct cgw_span *c)
{
	const char *end = c->s;

	while (end > path && end[-1] == '/')
		end--;
	if (end == path)
		return false;
	c->s = end;
	while (c->s > path && c->s[-1] != '/')
		c->s--;
	c->len = end - c->s;
	return true;
}

/* Is some component above @comp exactly @word? */
static bool cgw_has_ancestor(const char *path, struct cgw_span comp,
			     const char *word)
{
	while (cgw_parent(path, &comp))
		if (cgw_span_is(&comp, word))
			return true;
	return false;
}

/*
 * Bare ids are known only by their parent: Docker (at any depth, since
 * Docker runs inside containers), kubelet, old LXC.
 */
static enum cgw_cgroup_kind cgw_match_by_parent(const char *path,
						const struct cgw_span *comp,
						struct cgw_container *c)
{
	struct cgw_span parent = *comp;

	if (!cgw_parent(path, &parent))
		return CGW_CGROUP_PLAIN;
	/* Old LXC made its cgroups at the top: /lxc/<name>. */
	if (cgw_span_is(&parent, "lxc") && parent.s - path <= 1 &&
	    cgw_id_valid(comp->s, comp->len, CGW_ID_NAME)) {
		cgw_set_id(c, CGWATCH_RUNTIME_LXC, comp->s, comp->len);
		return CGW_CGROUP_CONTAINER;
	}
	if (!cgw_id_valid(comp->s, comp->len, CGW_ID_HEX64))
		return CGW_CGROUP_PLAIN;
	if (cgw_span_is(&parent, "docker")) {
		cgw_set_id(c, CGWATCH_RUNTIME_DOCKER, comp->s, comp->len);
		return CGW_CGROUP_CONTAINER;
	}
	if (cgw_span_starts(&parent, "pod") &&
	    cgw_has_ancestor(path, parent, "kubepods")) {
		cgw_set_id(c, CGWATCH_RUNTIME_KUBERNETES, comp->s, comp->len);
		return CGW_CGROUP_CONTAINER;
	}
	return CGW_CGROUP_PLAIN;
}

/* What one component of @path says, by any of the shapes above. */
static enum cgw_cgroup_kind cgw_match_component(const char *path,
						const struct cgw_span *comp,
						struct cgw_container *c)
{
	enum cgw_cgroup_kind kind;

	kind = cgw_match_pattern(comp, c);
	if (kind == CGW_CGROUP_PLAIN)
		kind = cgw_match_cri_tag(comp, c);
	if (kind == CGW_CGROUP_PLAIN)
		kind = cgw_match_by_parent(path, comp, c);
	return kind;
}

/*
 * @monitor names a runtime's monitor. A container named above it wins:
 * tasks in a container can make a child cgroup named like a monitor.
 */
static enum cgw_cgroup_kind cgw_above_monitor(const char *path,
					      struct cgw_span monitor,
					      struct cgw_container *c)
{
	struct cgw_span comp = monitor;

	while (cgw_parent(path, &comp))
		if (cgw_match_component(path, &comp, c) ==
		    CGW_CGROUP_CONTAINER)
			return CGW_CGROUP_CONTAINER;
	/* Nothing above: the monitor's own id again. */
	return cgw_match_component(path, &monitor, c);
}

/**
 * cgw_container_from_cgroup_path - what a cgroup path says of its tasks
 * @path: NUL-terminated cgroup path from the root of its hierarchy
 * @c: filled with runtime and id when the path names a container or monitor
 *
 * The deepest component that names a container decides; a monitor's name
 * decides only when no component above it names a container.
 *
 * Return: %CGW_CGROUP_CONTAINER, %CGW_CGROUP_MONITOR, or %CGW_CGROUP_PLAIN
 * (then @c is set to no runtime and an empty id).
 */
enum cgw_cgroup_kind cgw_container_from_cgroup_path(const char *path,
						    struct cgw_container *c)
{
	struct cgw_span comp = { path + strlen(path), 0 };

	while (cgw_parent(path, &comp)) {
		switch (cgw_match_component(path, &comp, c)) {
		case CGW_CGROUP_CONTAINER:
			return CGW_CGROUP_CONTAINER;
		case CGW_CGROUP_MONITOR:
			return cgw_above_monitor(path, comp, c);
		case CGW_CGROUP_PLAIN:
			break;
		}
	}
	c->runtime = CGWATCH_RUNTIME_NONE;
	c->id[0] = '\0';
	return CGW_CGROUP_PLAIN;
}
