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
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

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
 * Copies the live ring consistently: the writer marks itself busy before
 * touching the ring and clears that only after advancing tail, so a copy
 * after which busy is clear and tail unchanged saw no writer at work.
 */
static void copy_live_ring(const struct jailhouse_virt_console *live,
			   struct jailhouse_virt_console *copy)
{
	unsigned int attempt;
	u32 tail;

	for (attempt = 0; ; attempt++) {
		tail = READ_ONCE(live->tail);
		smp_rmb();
		memcpy(copy->content, live->content, sizeof(copy->content));
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
 * Bytes of @ring after position @head into @dst (at least
 * JAILHOUSE_VIRT_CONSOLE_SIZE bytes).  When the writer lapped the reader,
 * *@missed says by how much and the copy starts at the oldest byte still
 * there.
 */
static size_t ring_delta(const struct jailhouse_virt_console *ring, u32 head,
			 char *dst, u32 *missed)
{
	u32 delta = ring->tail - head;	/* both wrap at 2^32 */
	u32 start, first;

	*missed = 0;
	if (delta > JAILHOUSE_VIRT_CONSOLE_SIZE) {
		*missed = delta - JAILHOUSE_VIRT_CONSOLE_SIZE;
		delta = JAILHOUSE_VIRT_CONSOLE_SIZE;
	}
	start = (ring->tail - delta) % JAILHOUSE_VIRT_CONSOLE_SIZE;
	first = min_t(u32, delta, JAILHOUSE_VIRT_CONSOLE_SIZE - start);
	memcpy(dst, ring->content + start, first);
	memcpy(dst + first, ring->content, delta - first);
	return delta;
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
	u32 missed;

	if (mutex_lock_interruptible(&jailhouse_lock))
		return -EINTR;

	if (jf->console_run != console_run) {
		jf->console_run = console_run;
		jf->console_head = 0;
	}

	if (current_ring(ring)) {
		len = ring_delta(ring, jf->console_head, text, &missed);
		if (missed) {
			/* the text itself comes with the next read */
			len = scnprintf(text, JAILHOUSE_VIRT_CONSOLE_SIZE,
					"<missed %u bytes of console log>\n",
					missed);
			len = min_t(size_t, len, count);
			jf->console_head += missed;
		} else {
			len = min_t(size_t, len, count);
			jf->console_head += len;
		}
	}

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
	u32 head, missed;

	ring = kmalloc(sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return -ENOMEM;

	if (mutex_lock_interruptible(&jailhouse_lock)) {
		kfree(ring);
		return -EINTR;
	}
	if (current_ring(ring)) {
		/* JAILHOUSE_VIRT_CONSOLE_SIZE fits into a sysfs page */
		BUILD_BUG_ON(JAILHOUSE_VIRT_CONSOLE_SIZE > PAGE_SIZE);
		head = ring->tail - min_t(u32, ring->tail,
					  JAILHOUSE_VIRT_CONSOLE_SIZE);
		len = ring_delta(ring, head, buf, &missed);
		len = min_t(size_t, len, size);
	}
	mutex_unlock(&jailhouse_lock);

	kfree(ring);
	return len;
}

u32 jailhouse_console_mark(void)
{
	const struct jailhouse_virt_console *live = jailhouse_hv_console_page();

	return live ? READ_ONCE(live->tail) : 0;
}

void jailhouse_console_last_line(u32 mark, char *line, size_t size)
{
	static const char error_prefix[] = "ERROR: ";
	char *text, *start, *end, *last = NULL, *last_error = NULL;
	struct jailhouse_virt_console *ring;
	size_t len;
	u32 missed;

	line[0] = '\0';
	ring = kmalloc(sizeof(*ring), GFP_KERNEL);
	text = kmalloc(JAILHOUSE_VIRT_CONSOLE_SIZE + 1, GFP_KERNEL);
	if (!ring || !text || !current_ring(ring))
		goto out;

	len = ring_delta(ring, mark, text, &missed);
	text[len] = '\0';
	/*
	 * The hypervisor's error line says most, whatever follows it; cells'
	 * virtual console output ("[NAME] ...") is not the hypervisor
	 * speaking.
	 */
	for (start = text; *start; start = end) {
		end = strchrnul(start, '\n');
		if (*end)
			*end++ = '\0';
		start = strim(start);
		if (!*start || *start == '[')
			continue;
		last = start;
		if (strncmp(start, error_prefix, sizeof(error_prefix) - 1) == 0)
			last_error = start + sizeof(error_prefix) - 1;
	}
	if (last_error)
		strscpy(line, last_error, size);
	else if (last)
		strscpy(line, last, size);
out:
	kfree(text);
	kfree(ring);
}
