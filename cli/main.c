// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - the cgwatch command: reads the arguments and runs "listen"
 * (print findings as they arrive), "status" (print the module's
 * counters) or "help".
 *
 * Exit status:
 *   0  success (also when listen is stopped by SIGINT or SIGTERM)
 *   1  any other error
 *   2  usage error: unknown command or option, bad option value
 *   3  the cgwatch kernel module is not loaded
 *   4  permission denied: run as root (CAP_NET_ADMIN)
 *   5  the module speaks another protocol version than this program
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "format.h"
#include "nl.h"

#ifndef CGW_CLI_VERSION
#define CGW_CLI_VERSION		"0.1.0"
#endif

enum exit_code {
	EXIT_OK		= 0,
	EXIT_ERROR	= 1,
	EXIT_USAGE	= 2,
	EXIT_NOT_LOADED	= 3,
	EXIT_PERMISSION	= 4,
	EXIT_VERSION	= 5,
};

static const char help_text[] =
"Usage: cgwatch COMMAND [OPTIONS]\n"
"       cgwatch --help | --version\n"
"\n"
"Show what the cgwatch kernel module reports.\n"
"\n"
"Commands:\n"
"  listen [--json] [--count N] [--timeout SECONDS]\n"
"              Print one line per finding as it arrives. Stops after N\n"
"              findings, after SECONDS, or on SIGINT/SIGTERM (Ctrl-C).\n"
"  status [--json]\n"
"              Print the module's version and counters.\n"
"  help        Print this help.\n"
"\n"
"Options:\n"
"  -j, --json             one JSON object per line instead of text\n"
"  -c, --count N          stop after N findings (N >= 1)\n"
"  -t, --timeout SECONDS  stop after SECONDS whole seconds (0: at once)\n"
"  -h, --help             print this help and exit\n"
"  -V, --version          print the version and exit\n"
"\n"
"Subscribing to findings needs CAP_NET_ADMIN: run as root.\n"
"\n"
"Exit status:\n"
"  0  success (also when listen is stopped by SIGINT or SIGTERM)\n"
"  1  any other error\n"
"  2  usage error: unknown command or option, bad option value\n"
"  3  the cgwatch kernel module is not loaded\n"
"  4  permission denied: run as root (CAP_NET_ADMIN)\n"
"  5  the module speaks another protocol version than this program\n";

struct options {
	bool json;
	uint64_t count;		/* 0: no limit */
	bool has_timeout;
	uint32_t timeout;	/* seconds */
};

/* Print "cgwatch: <message>" and the usage hint; returns EXIT_USAGE. */
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("cgwatch: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'cgwatch --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* Flush what was printed; a write that failed is an error to report. */
static int flush_stdout(const char *what)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "cgwatch: cannot write the %s: %s\n", what,
			strerror(errno));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

/* ---- reporting netlink failures ---- */

static int report_failure(const struct cgw_nl *nl)
{
	const struct cgw_decode_error *de = &nl->decode_error;

	switch (nl->failure) {
	case CGW_NL_NO_FAMILY:
		fprintf(stderr, "cgwatch: the cgwatch kernel module is not loaded (family \"%s\" not found); load it with insmod cgwatch.ko or modprobe cgwatch\n",
			CGWATCH_GENL_NAME);
		return EXIT_NOT_LOADED;
	case CGW_NL_PERMISSION:
		fprintf(stderr, "cgwatch: permission denied: %s needs CAP_NET_ADMIN, run as root\n",
			nl->step);
		return EXIT_PERMISSION;
	case CGW_NL_VERSION:
		fprintf(stderr, "cgwatch: protocol version mismatch: the module speaks version %" PRIu32 ", this program version %d; use the cgwatch CLI built with the module\n",
			nl->peer_version, CGWATCH_GENL_VERSION);
		return EXIT_VERSION;
	case CGW_NL_NO_GROUP:
		fprintf(stderr, "cgwatch: the module has no \"%s\" multicast group; use the cgwatch CLI built with the module\n",
			CGWATCH_MCGRP_FINDINGS);
		return EXIT_ERROR;
	case CGW_NL_BAD_REPLY:
		if (de->attr < 0)
			fprintf(stderr, "cgwatch: %s: malformed reply: %s\n",
				nl->step, de->reason ? de->reason : "?");
		else
			fprintf(stderr, "cgwatch: %s: malformed reply (attribute %d: %s)\n",
				nl->step, de->attr,
				de->reason ? de->reason : "?");
		return EXIT_ERROR;
	case CGW_NL_NO_REPLY:
		fprintf(stderr, "cgwatch: %s: no answer from the kernel within %d seconds\n",
			nl->step, CGW_NL_REPLY_TIMEOUT);
		return EXIT_ERROR;
	case CGW_NL_OK:
	case CGW_NL_SYSTEM:
		break;
	}
	fprintf(stderr, "cgwatch: %s: %s\n", nl->step ? nl->step : "netlink",
		strerror(nl->error));
	return EXIT_ERROR;
}

/* ---- status ---- */

static int run_status(const struct options *o)
{
	struct cgw_status st;
	struct cgw_nl nl;
	int ret;

	if (cgw_nl_open(&nl, CGWATCH_GENL_NAME) < 0 ||
	    cgw_nl_get_status(&nl, &st) < 0) {
		ret = report_failure(&nl);
		cgw_nl_close(&nl);
		return ret;
	}
	cgw_nl_close(&nl);

	ret = o->json ? cgw_print_status_json(stdout, &st) :
			cgw_print_status_text(stdout, &st);
	if (ret < 0) {
		fprintf(stderr, "cgwatch: cannot write the status\n");
		return EXIT_ERROR;
	}
	return flush_stdout("status");
}

/* ---- listen ---- */

static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/*
 * SIGINT and SIGTERM stay blocked except while waiting in ppoll(), so
 * the flag is always seen and a finding is never cut off half-printed.
 * @wait_mask gets the mask to wait with.
 */
static int catch_stop_signals(sigset_t *wait_mask)
{
	struct sigaction sa = { .sa_handler = request_stop };
	sigset_t stop_set;

	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGINT);
	sigaddset(&stop_set, SIGTERM);
	sigemptyset(&sa.sa_mask);
	if (sigprocmask(SIG_BLOCK, &stop_set, wait_mask) ||
	    sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL))
		return -1;
	sigdelset(wait_mask, SIGINT);
	sigdelset(wait_mask, SIGTERM);
	return 0;
}

struct listen_state {
	const struct options *o;
	uint64_t printed;
};

static int print_finding(const struct cgw_finding *f, void *data)
{
	struct listen_state *ls = data;
	int ret;

	errno = 0;
	ret = ls->o->json ? cgw_print_finding_json(stdout, f) :
			    cgw_print_finding_text(stdout, f);
	if (ret < 0 || fflush(stdout) == EOF) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	ls->printed++;
	return ls->o->count && ls->printed >= ls->o->count;
}

static void print_malformed(const struct cgw_decode_error *err, void *data)
{
	(void)data;
	if (err->attr < 0)
		fprintf(stderr, "cgwatch: skipped a malformed finding: %s\n",
			err->reason);
	else
		fprintf(stderr, "cgwatch: skipped a malformed finding: attribute %d: %s\n",
			err->attr, err->reason);
}

static void print_overrun(unsigned long overruns, void *data)
{
	(void)data;
	fprintf(stderr, "cgwatch: receive buffer overrun: some findings were lost (%lu overruns so far)\n",
		overruns);
}

static void print_module_event(int loaded, void *data)
{
	(void)data;
	if (loaded)
		fputs("cgwatch: the module is loaded again; listening\n", stderr);
	else
		fputs("cgwatch: the module was unloaded; waiting for it to be loaded again\n",
		      stderr);
}

/* Said once: a local process may send many. */
static void print_foreign(unsigned long count, uint32_t port, void *data)
{
	(void)data;
	if (count == 1)
		fprintf(stderr, "cgwatch: ignoring netlink messages that the kernel did not send (the first from port %" PRIu32 ")\n",
			port);
}

static int listen_loop(struct cgw_nl *nl, const struct options *o,
		       const sigset_t *wait_mask)
{
	struct listen_state ls = { .o = o };
	struct cgw_listener l = {
		.on_finding = print_finding,
		.on_malformed = print_malformed,
		.on_overrun = print_overrun,
		.on_module = print_module_event,
		.on_foreign = print_foreign,
		.data = &ls,
		.sigmask = wait_mask,
		.stop = &stop_requested,
	};
	struct timespec deadline;

	if (o->has_timeout) {
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += o->timeout;
		l.deadline = &deadline;
	}
	if (cgw_nl_listen(nl, &l) < 0)
		return report_failure(nl);
	return EXIT_OK;
}

static int run_listen(const struct options *o)
{
	sigset_t wait_mask;
	struct cgw_nl nl;
	int ret;

	/* Before anything else: a stop request during set-up is kept. */
	if (catch_stop_signals(&wait_mask) < 0) {
		perror("cgwatch: setting up signals");
		return EXIT_ERROR;
	}
	if (cgw_nl_open(&nl, CGWATCH_GENL_NAME) < 0 ||
	    cgw_nl_subscribe(&nl) < 0 || cgw_nl_follow_module(&nl) < 0)
		ret = report_failure(&nl);
	else
		ret = listen_loop(&nl, o, &wait_mask);
	cgw_nl_close(&nl);
	return ret;
}

/* ---- help, version ---- */

static int run_help(const struct options *o)
{
	(void)o;
	fputs(help_text, stdout);
	return flush_stdout("help");
}

static int run_version(void)
{
	printf("cgwatch %s (protocol %d)\n", CGW_CLI_VERSION,
	       CGWATCH_GENL_VERSION);
	return flush_stdout("version");
}

/* ---- arguments ---- */

struct command {
	const char *name;
	const char *optstring;	/* ':' first: report a missing value */
	const struct option *longopts;
	int (*run)(const struct options *o);
};

static const struct option listen_longopts[] = {
	{ "json",	no_argument,		NULL, 'j' },
	{ "count",	required_argument,	NULL, 'c' },
	{ "timeout",	required_argument,	NULL, 't' },
	{ "help",	no_argument,		NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const struct option status_longopts[] = {
	{ "json",	no_argument,		NULL, 'j' },
	{ "help",	no_argument,		NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const struct option help_longopts[] = {
	{ NULL, 0, NULL, 0 },
};

static const struct command commands[] = {
	{ "listen", ":jc:t:h", listen_longopts, run_listen },
	{ "status", ":jh", status_longopts, run_status },
	{ "help", ":", help_longopts, run_help },
};

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* The option getopt_long() just rejected, as the user typed it. */
static const char *bad_option(char **argv, char *buf, size_t size)
{
	const char *arg = argv[optind - 1];

	if (optopt && strncmp(arg, "--", 2)) {
		snprintf(buf, size, "-%c", optopt);
		return buf;
	}
	return arg;
}

static int set_count(struct options *o, const char *value)
{
	int ret = cgw_parse_count(value, &o->count);

	if (ret == -ERANGE)
		return usage_error("invalid --count '%s': too large (at most %" PRIu64 ")",
				   value, UINT64_MAX);
	if (ret)
		return usage_error("invalid --count '%s': expected a whole number of 1 or more",
				   value);
	return 0;
}

static int set_timeout(struct options *o, const char *value)
{
	int ret = cgw_parse_timeout(value, &o->timeout);

	if (ret == -ERANGE)
		return usage_error("invalid --timeout '%s': too large (at most %d seconds)",
				   value, CGW_TIMEOUT_MAX);
	if (ret)
		return usage_error("invalid --timeout '%s': expected a whole number of seconds, 0 or more",
				   value);
	o->has_timeout = true;
	return 0;
}

/*
 * One option of @cmd. Returns 0, -1 after --help, EXIT_USAGE, or
 * EXIT_ERROR if the help could not be written.
 */
static int apply_option(const struct command *cmd, int c, char **argv,
			struct options *o)
{
	char buf[8];

	switch (c) {
	case 'j':
		o->json = true;
		return 0;
	case 'c':
		return set_count(o, optarg);
	case 't':
		return set_timeout(o, optarg);
	case 'h':
		return run_help(o) == EXIT_OK ? -1 : EXIT_ERROR;
	case ':':
		return usage_error("option '%s' of '%s' needs a value",
				   bad_option(argv, buf, sizeof(buf)),
				   cmd->name);
	}
	return usage_error("unknown option '%s' for '%s'",
			   bad_option(argv, buf, sizeof(buf)), cmd->name);
}

/*
 * The options after the command name (argv[0] here). Returns 0 to run
 * the command, -1 if help was printed, or EXIT_USAGE.
 */
static int parse_command(const struct command *cmd, int argc, char **argv,
			 struct options *o)
{
	int c, ret;

	optind = 0;	/* restart getopt on this argv */
	opterr = 0;
	while ((c = getopt_long(argc, argv, cmd->optstring, cmd->longopts,
				NULL)) != -1) {
		ret = apply_option(cmd, c, argv, o);
		if (ret)
			return ret;
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s' for '%s'",
				   argv[optind], cmd->name);
	return 0;
}

static const struct option global_longopts[] = {
	{ "help",	no_argument,	NULL, 'h' },
	{ "version",	no_argument,	NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Options before the command. Returns -1 to go on, else an exit code. */
static int parse_global(int argc, char **argv)
{
	char buf[8];
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", global_longopts,
				NULL)) != -1) {
		switch (c) {
		case 'h':
			return run_help(NULL);
		case 'V':
			return run_version();
		default:
			return usage_error("unknown option '%s'",
					   bad_option(argv, buf, sizeof(buf)));
		}
	}
	if (optind >= argc)
		return usage_error("no command given");
	return -1;
}

int main(int argc, char **argv)
{
	const struct command *cmd;
	struct options o = { 0 };
	int ret;

	/* A closed output is an error to report (EPIPE), not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	ret = parse_global(argc, argv);
	if (ret >= 0)
		return ret;
	cmd = find_command(argv[optind]);
	if (!cmd)
		return usage_error("unknown command '%s'", argv[optind]);

	argc -= optind;
	argv += optind;
	ret = parse_command(cmd, argc, argv, &o);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	return cmd->run(&o);
}
