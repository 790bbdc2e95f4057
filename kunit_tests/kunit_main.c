// SPDX-License-Identifier: GPL-2.0
/*
 * The cgwatch KUnit test module: one suite per source file of module/,
 * each in kunit_tests/<file>_test.c, linked with the module's own code.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests of the cgwatch module");
