// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor console as the root cell sees it: read() on
 * /dev/jailhouse and the sysfs "console" attribute.
 *
 * The hypervisor writes its log into a ring in its own memory (the page at
 * header.console_page); this driver only copies from it.  Once the
 * hypervisor is gone again (disable, or an enable that failed) its memory
 * no longer says anything reliable, so the ring is copied at that moment
 * and readers get the copy: `jailhouse console` still tells why enabling
 * failed or what the hypervisor said last.
 *
 * Every load of the image starts a new "run" with its tail counter at 0.
 * A reader's position belongs to one run; the live ring and the copy taken
 * at its end share the run, so `jailhouse console -f` reads on seamlessly
 * into the last messages, and starts over at the next enable.
 *
 * What readers get out of the page (console_text.c): the log of enabling
 * first when the ring has lost it to later messages, e.g. ones a cell
 * provoked; and the reason of a refused request only from what the
 * hypervisor printed on behalf of the root.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "console_text.h"
#include "enable.h"
#include "jailhouse.h"

/* how often a blocked reader looks for new text */
#define CONSOLE_POLL_MS		100
/* a writer is done within microseconds; one stuck in there is dead */
#define COPY_ATTEMPTS		1000

/* All of this is protected by jailhouse_lock. */
static unsigned int console_run;
static bool last_console_valid;
static struct jailhouse_virt_console last_console;

/*
 * Copies the live console page consistently: the writer marks itself busy
 * before touching it and clears that only after advancing tail, so a copy
 * after which busy is clear and tail unchanged saw no writer at work.
 */
static void copy_live_ring(const struct jailhouse_virt_console *live,
			   struct jailhouse_virt_console *copy)
{
	unsigned int attempt;
	u32 tail;

	BUILD_BUG_ON(sizeof(*live) > JAILHOUSE_VIRT_CONSOLE_PAGE_SIZE);
	for (attempt = 0; ; attempt++) {
		tail = READ_ONCE(live->tail);
		smp_rmb();
		memcpy(copy, (const void *)live, sizeof(*copy));
		smp_rmb();
		if (!READ_ONCE(live->busy) && READ_ONCE(live->tail) == tail)
			break;
		/* out of attempts, the last copy is the best there is */
		if (attempt == COPY_ATTEMPTS)
			break;
		udelay(1);
	}
	copy->busy = 0;
	copy->tail = tail;
}

/*
 * The ring readers should see now, copied into @copy: the live one while
 * the hypervisor runs, else the copy of the last run.  False if there is
 * none.
 */
static bool current_ring(struct jailhouse_virt_console *copy)
{
	const struct jailhouse_virt_console *live;

	if (jailhouse_enabled) {
		live = jailhouse_hv_console_page();
		if (!live)
			return false;
		copy_live_ring(live, copy);
		return true;
	}
	if (!last_console_valid)
		return false;
	memcpy(copy, &last_console, sizeof(*copy));
	return true;
}

void jailhouse_console_new_run(void)
{
	console_run++;
	last_console_valid = false;
}

void jailhouse_console_save_last(void)
{
	const struct jailhouse_virt_console *live =
		jailhouse_hv_console_page();

	if (!live)
		return;
	copy_live_ring(live, &last_console);
	last_console_valid = true;
}

/*
 * One attempt to give @jf's reader up to @count bytes: the number of bytes
 * in @text (0: nothing new), -EAGAIN when there is no console at all, or
 * -EINTR.  The file's position moves past what is returned.
 */
static ssize_t console_fetch(struct jailhouse_file *jf, size_t count,
			     struct jailhouse_virt_console *ring, char *text)
{
	ssize_t len = -EAGAIN;

	if (mutex_lock_interruptible(&jailhouse_lock))
		return -EINTR;

	if (jf->console_run != console_run) {
		jf->console_run = console_run;
		jf->console_head = 0;
	}

	if (current_ring(ring))
		len = console_text_next(ring, &jf->console_head, text,
					min_t(size_t, count,
					      JAILHOUSE_VIRT_CONSOLE_SIZE));

	mutex_unlock(&jailhouse_lock);
	return len;
}

ssize_t jailhouse_console_read(struct jailhouse_file *jf, char __user *buf,
			       size_t count, bool nonblock)
{
	struct jailhouse_virt_console *ring;
	char *text;
	ssize_t len;

	if (count == 0)
		return 0;

	ring = kmalloc(sizeof(*ring), GFP_KERNEL);
	text = kmalloc(JAILHOUSE_VIRT_CONSOLE_SIZE, GFP_KERNEL);
	if (!ring || !text) {
		len = -ENOMEM;
		goto out;
	}

	/*
	 * Like Jailhouse: without O_NONBLOCK wait for text, also for a
	 * hypervisor that is not there yet; with it, 0 when everything has
	 * been read and -EAGAIN when there is no console at all.
	 */
	for (;;) {
		len = console_fetch(jf, count, ring, text);
		if (len > 0 || len == -EINTR || nonblock)
			break;
		if (msleep_interruptible(CONSOLE_POLL_MS) ||
		    signal_pending(current)) {
			len = -EINTR;
			break;
		}
	}
	if (len > 0 && copy_to_user(buf, text, len))
		len = -EFAULT;

out:
	kfree(text);
	kfree(ring);
	return len;
}

ssize_t jailhouse_console_dump(char *buf, size_t size)
{
	struct jailhouse_virt_console *ring;
	ssize_t len = 0;

	ring = kmalloc(sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return -ENOMEM;

	if (mutex_lock_interruptible(&jailhouse_lock)) {
		kfree(ring);
		return -EINTR;
	}
	if (current_ring(ring))
		len = console_text_all(ring, buf, size);
	mutex_unlock(&jailhouse_lock);

	kfree(ring);
	return len;
}

u32 jailhouse_console_mark(void)
{
	const struct jailhouse_virt_console *live = jailhouse_hv_console_page();

	return live ? READ_ONCE(live->root_tail) : 0;
}

void jailhouse_console_last_line(u32 mark, char *line, size_t size)
{
	struct jailhouse_virt_console *ring;
	char *scratch;

	line[0] = '\0';
	ring = kmalloc(sizeof(*ring), GFP_KERNEL);
	scratch = kmalloc(CONSOLE_TEXT_REASON_SCRATCH, GFP_KERNEL);
	if (ring && scratch && current_ring(ring))
		console_text_reason(ring, mark, scratch, line, size);
	kfree(scratch);
	kfree(ring);
}
