/* SPDX-License-Identifier: GPL-2.0 */
/* shared by the parts of el2-bench (tests/bench/el2-bench*.c) */
#ifndef EL2_BENCH_H
#define EL2_BENCH_H

#include <stdint.h>

void bench_marker(void);
void die(const char *what);
void pin_to_cpu(int cpu);

void ivshmem_ring(long n, const char *path, uint32_t target);
void ivshmem_wait(long n, const char *path, uint32_t from, uint32_t to);

#endif
