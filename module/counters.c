// SPDX-License-Identifier: GPL-2.0
/*
 * The module's counters, shown by CGWATCH_CMD_GET_STATUS.
 *
 * Opens inspected are counted per CPU, since every open of the machine
 * passes the probe; the rest happen rarely and are plain atomics.
 */
#include <linux/percpu.h>
#include "internal.h"

struct cgw_counters cgw_counters;
DEFINE_PER_CPU(u64, cgw_inspected);

u64 cgw_inspected_total(void)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(cgw_inspected, cpu);
	return sum;
}
