// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for module/container.c: every cgroup path shape that a
 * runtime produces, the monitors that are not containers, nesting, and
 * the ids that must not be taken for ids.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include "../module/internal.h"

#define ID_A "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ID_B "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
#define ID_UPPER \
	"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"
#define ID_SHORT \
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"
#define ID_LONG ID_A "0"
#define POD "pod6b1a6c8f-2d3b-4c7e-9f10-1234567890ab"
#define CRI_SLICE "/kubepods.slice/kubepods-burstable.slice/" \
	"kubepods-burstable-" POD ".slice"

static void expect_path(struct kunit *test, const char *path,
			enum cgw_cgroup_kind kind,
			enum cgwatch_runtime runtime, const char *id)
{
	struct cgw_container c;

	memset(&c, 0x5a, sizeof(c));
	KUNIT_EXPECT_EQ_MSG(test, cgw_container_from_cgroup_path(path, &c),
			    kind, "path %s", path);
	KUNIT_EXPECT_EQ_MSG(test, c.runtime, runtime, "path %s", path);
	KUNIT_EXPECT_STREQ_MSG(test, c.id, id, "path %s", path);
}

#define CONTAINER(name, path, runtime, id)				\
static void name(struct kunit *test)					\
{									\
	expect_path(test, path, CGW_CGROUP_CONTAINER, runtime, id);	\
}

#define MONITOR(name, path, runtime, id)				\
static void name(struct kunit *test)					\
{									\
	expect_path(test, path, CGW_CGROUP_MONITOR, runtime, id);	\
}

#define PLAIN(name, path)						\
static void name(struct kunit *test)					\
{									\
	expect_path(test, path, CGW_CGROUP_PLAIN, CGWATCH_RUNTIME_NONE, ""); \
}

CONTAINER(docker_cgroupfs, "/docker/" ID_A, CGWATCH_RUNTIME_DOCKER, ID_A)
CONTAINER(docker_systemd, "/system.slice/docker-" ID_A ".scope",
	  CGWATCH_RUNTIME_DOCKER, ID_A)
CONTAINER(docker_trailing_slash, "/docker/" ID_A "/",
	  CGWATCH_RUNTIME_DOCKER, ID_A)
CONTAINER(docker_child_cgroup, "/docker/" ID_A "/x",
	  CGWATCH_RUNTIME_DOCKER, ID_A)
CONTAINER(docker_in_docker, "/docker/" ID_A "/docker/" ID_B,
	  CGWATCH_RUNTIME_DOCKER, ID_B)
CONTAINER(containerd_systemd, CRI_SLICE "/cri-containerd-" ID_A ".scope",
	  CGWATCH_RUNTIME_CONTAINERD, ID_A)
CONTAINER(containerd_cgroupfs,
	  "/kubepods-burstable-" POD ".slice:cri-containerd:" ID_A,
	  CGWATCH_RUNTIME_CONTAINERD, ID_A)
CONTAINER(crio_colon_form, "/kubepods-besteffort-" POD ".slice:crio:" ID_A,
	  CGWATCH_RUNTIME_CRIO, ID_A)
CONTAINER(kubernetes_cgroupfs, "/kubepods/burstable/" POD "/" ID_A,
	  CGWATCH_RUNTIME_KUBERNETES, ID_A)
CONTAINER(kubernetes_guaranteed, "/kubepods/" POD "/" ID_A,
	  CGWATCH_RUNTIME_KUBERNETES, ID_A)
CONTAINER(crio_systemd, CRI_SLICE "/crio-" ID_A ".scope",
	  CGWATCH_RUNTIME_CRIO, ID_A)
CONTAINER(crio_cgroupfs, "/kubepods/besteffort/" POD "/crio-" ID_A,
	  CGWATCH_RUNTIME_CRIO, ID_A)
CONTAINER(podman_scope, "/machine.slice/libpod-" ID_A ".scope",
	  CGWATCH_RUNTIME_PODMAN, ID_A)
CONTAINER(podman_scope_container,
	  "/machine.slice/libpod-" ID_A ".scope/container",
	  CGWATCH_RUNTIME_PODMAN, ID_A)
CONTAINER(lxc_payload, "/lxc.payload.web01", CGWATCH_RUNTIME_LXC, "web01")
CONTAINER(lxc_payload_child, "/lxc.payload.web01/system.slice/cron.service",
	  CGWATCH_RUNTIME_LXC, "web01")
CONTAINER(lxc_old, "/lxc/web01", CGWATCH_RUNTIME_LXC, "web01")
CONTAINER(docker_inside_lxc,
	  "/lxc.payload.host1/system.slice/docker-" ID_B ".scope",
	  CGWATCH_RUNTIME_DOCKER, ID_B)

MONITOR(crio_conmon, CRI_SLICE "/crio-conmon-" ID_A ".scope",
	CGWATCH_RUNTIME_CRIO, ID_A)
MONITOR(podman_conmon, "/machine.slice/libpod-conmon-" ID_A ".scope",
	CGWATCH_RUNTIME_PODMAN, ID_A)
MONITOR(lxc_monitor, "/lxc.monitor.web01", CGWATCH_RUNTIME_LXC, "web01")

PLAIN(root, "/")
PLAIN(empty, "")
PLAIN(host_service, "/system.slice/cron.service")
PLAIN(user_session, "/user.slice/user-1000.slice/session-3.scope")
PLAIN(docker_parent_only, "/docker")
PLAIN(id_uppercase, "/docker/" ID_UPPER)
PLAIN(id_short, "/docker/" ID_SHORT)
PLAIN(id_long, "/docker/" ID_LONG)
PLAIN(scope_trailing_garbage, "/system.slice/docker-" ID_A ".scopex")
PLAIN(scope_no_suffix_docker, "/system.slice/docker-" ID_A)
PLAIN(bare_id_unknown_parent, "/garbage/" ID_A)
PLAIN(bare_id_at_root, "/" ID_A)
PLAIN(pod_without_kubepods, "/burstable/" POD "/" ID_A)
PLAIN(colon_unknown_tag, "/kubepods-" POD ".slice:runq:" ID_A)
PLAIN(colon_short_id, "/kubepods-" POD ".slice:cri-containerd:" ID_SHORT)
PLAIN(lxc_payload_empty_name, "/lxc.payload.")
PLAIN(lxc_dir_alone, "/lxc")
PLAIN(lxc_dir_not_at_top, "/user.slice/lxc/notacontainer")

/* A path as long as the kernel's limit still parses from its leaf. */
static void path_at_length_limit(struct kunit *test)
{
	size_t len = PATH_MAX - 1, tail = strlen("/docker/" ID_A);
	char *path = kunit_kzalloc(test, PATH_MAX, GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, path);
	for (i = 0; i < len - tail; i++)
		path[i] = (i % 16) ? 'n' : '/';
	strscpy(path + len - tail, "/docker/" ID_A, tail + 1);
	KUNIT_ASSERT_EQ(test, strlen(path), len);
	expect_path(test, path, CGW_CGROUP_CONTAINER,
		    CGWATCH_RUNTIME_DOCKER, ID_A);
}

static void runtime_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_NONE), "none");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_UNKNOWN),
			   "unknown");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_DOCKER),
			   "docker");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_CONTAINERD),
			   "containerd");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_CRIO), "crio");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_PODMAN),
			   "podman");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_LXC), "lxc");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(CGWATCH_RUNTIME_KUBERNETES),
			   "kubernetes");
	KUNIT_EXPECT_STREQ(test, cgw_runtime_name(__CGWATCH_RUNTIME_MAX),
			   "unknown");
}

static struct kunit_case container_cases[] = {
	KUNIT_CASE(docker_cgroupfs),
	KUNIT_CASE(docker_systemd),
	KUNIT_CASE(docker_trailing_slash),
	KUNIT_CASE(docker_child_cgroup),
	KUNIT_CASE(docker_in_docker),
	KUNIT_CASE(containerd_systemd),
	KUNIT_CASE(containerd_cgroupfs),
	KUNIT_CASE(crio_colon_form),
	KUNIT_CASE(kubernetes_cgroupfs),
	KUNIT_CASE(kubernetes_guaranteed),
	KUNIT_CASE(crio_systemd),
	KUNIT_CASE(crio_cgroupfs),
	KUNIT_CASE(podman_scope),
	KUNIT_CASE(podman_scope_container),
	KUNIT_CASE(lxc_payload),
	KUNIT_CASE(lxc_payload_child),
	KUNIT_CASE(lxc_old),
	KUNIT_CASE(docker_inside_lxc),
	KUNIT_CASE(crio_conmon),
	KUNIT_CASE(podman_conmon),
	KUNIT_CASE(lxc_monitor),
	KUNIT_CASE(root),
	KUNIT_CASE(empty),
	KUNIT_CASE(host_service),
	KUNIT_CASE(user_session),
	KUNIT_CASE(docker_parent_only),
	KUNIT_CASE(id_uppercase),
	KUNIT_CASE(id_short),
	KUNIT_CASE(id_long),
	KUNIT_CASE(scope_trailing_garbage),
	KUNIT_CASE(scope_no_suffix_docker),
	KUNIT_CASE(bare_id_unknown_parent),
	KUNIT_CASE(bare_id_at_root),
	KUNIT_CASE(pod_without_kubepods),
	KUNIT_CASE(colon_unknown_tag),
	KUNIT_CASE(colon_short_id),
	KUNIT_CASE(lxc_payload_empty_name),
	KUNIT_CASE(lxc_dir_alone),
	KUNIT_CASE(lxc_dir_not_at_top),
	KUNIT_CASE(path_at_length_limit),
	KUNIT_CASE(runtime_names),
	{}
};

static struct kunit_suite container_suite = {
	.name = "cgwatch_container",
	.test_cases = container_cases,
};

kunit_test_suite(container_suite);
