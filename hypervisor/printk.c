// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format once, then hand the text to every console.  One lock
 * keeps messages from different CPUs from interleaving.
 *
 * Every message goes into the console ring.  The UART only shows it if
 * the printing CPU runs on the hypervisor's page tables: a CPU still on
 * its bootstrap tables (early in enable) has no mapping of the UART and
 * would fault, with the lock held, stopping every CPU that prints after
 * it.  The UART instead catches up from the ring at the next message of
 * a CPU that can reach it, so nothing printed early is lost there either.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/virt_console.h>

#define NO_OWNER	(~0U)

static spinlock_t printk_lock = SPINLOCK_INIT;
/* the CPU inside printk (NO_OWNER: none); a fault there must not wait */
static volatile unsigned int printk_owner = NO_OWNER;
static struct uart_chip *printk_uart;
/* ring position (virt_console.tail) up to which the UART has shown it */
static u32 uart_shown;

/*
 * Under printk_lock, on a CPU that can reach the UART: show what the ring
 * has and the UART has not.  A stalled UART is skipped at once; when it
 * takes characters again it goes on where it stopped, and what the ring
 * no longer holds by then is counted in a note instead.
 */
static void uart_catch_up(void)
{
	char chunk[65];
	u32 tail, lost;
	unsigned int len, sent;

	if (!uart_takes_chars(printk_uart))
		return;
	tail = virt_console.tail;
	if (tail - uart_shown > JAILHOUSE_VIRT_CONSOLE_SIZE) {
		lost = tail - JAILHOUSE_VIRT_CONSOLE_SIZE - uart_shown;
		uart_shown = tail - JAILHOUSE_VIRT_CONSOLE_SIZE;
		/* this CPU owns printk: the note goes into the ring only */
		printk("Note: %u bytes of hypervisor output were not shown "
		       "on the debug UART (lapped in the console ring)\n",
		       lost);
		tail = virt_console.tail;
	}
	while (uart_shown != tail) {
		for (len = 0; len < sizeof(chunk) - 1 &&
		     uart_shown + len != tail; len++)
			chunk[len] = virt_console.content[(uart_shown + len) %
						JAILHOUSE_VIRT_CONSOLE_SIZE];
		chunk[len] = '\0';
		sent = uart_write(printk_uart, chunk);
		uart_shown += sent;
		if (sent < len) {
			if (printk_uart->stalls == 1)
				printk("Note: the debug UART stopped taking "
				       "characters; hypervisor output goes "
				       "on in the console ring\n");
			return;
		}
	}
}

static bool uart_reachable(void)
{
	return printk_uart && this_cpu_data()->hv_paging_active;
}

static void printk_lock_take(void)
{
	spin_lock(&printk_lock);
	printk_owner = this_cpu_data()->cpu_id;
}

static void printk_lock_release(void)
{
	printk_owner = NO_OWNER;
	spin_unlock(&printk_lock);
}

void printk_set_uart(struct uart_chip *chip)
{
	printk_lock_take();
	printk_uart = chip;
	if (uart_reachable())
		uart_catch_up();
	printk_lock_release();
}

void printk_fault_release(void)
{
	if (printk_owner == this_cpu_data()->cpu_id)
		printk_lock_release();
}

/*
 * The root's lines (everything up to the end of enable, then what root
 * CPUs print: management and its errors) are also kept where no cell's
 * output can overwrite them; see <jailhouse/console.h>.
 */
static bool printing_for_root(void)
{
	struct cell *cell = this_cpu_data()->cell;

	return !cell || cell == &root_cell;
}

void vprintk(const char *fmt, va_list ap)
{
	static const char cut_marker[] = "...\n";
	char buf[PRINTK_MAX_LEN];
	bool root = printing_for_root();
	int len;

	len = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (len >= (int)sizeof(buf))
		memcpy(&buf[sizeof(buf) - sizeof(cut_marker)],
		       cut_marker, sizeof(cut_marker));

	/* a fault inside printk on this CPU: the ring only, no waiting */
	if (printk_owner == this_cpu_data()->cpu_id) {
		virt_console_write(buf, root);
		return;
	}

	printk_lock_take();
	virt_console_write(buf, root);
	if (uart_reachable())
		uart_catch_up();
	printk_lock_release();
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void printk_enable_done(void)
{
	printk_lock_take();
	virt_console_close_enable_log();
	printk_lock_release();
}
