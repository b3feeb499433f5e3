// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts: irqchip entries, SPIs taken from the root, SPIs granted to
 * two cells.
 */
#include "internal.h"

/* bit: INTID - pin_base, below CC_PINS_PER_IRQCHIP */
static bool irqchip_bit_set(const struct jailhouse_irqchip *chip, __u64 bit)
{
	return chip->pin_bitmap[bit / 32] & (1U << (bit % 32));
}

/* Entirely zero bytes: see mem_is_zero_entry() in memory.c. */
static bool irqchip_is_zero_entry(const struct jailhouse_irqchip *chip)
{
	unsigned int k;

	for (k = 0; k < 4; k++)
		if (chip->pin_bitmap[k])
			return false;
	return !chip->address && !chip->id && !chip->pin_base;
}

static bool irqchip_usable(const struct jailhouse_system *sys,
			   const struct jailhouse_irqchip *chip)
{
	return chip->address == sys->platform_info.arm.gicd_base &&
		chip->pin_base % 32 == 0 && chip->pin_base < CC_GIC_MAX_INTID;
}

void cc_check_irqchips(struct cc_checker *c,
		       const struct jailhouse_system *sys,
		       const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 i;

	if (v->irqchips_too_large) {
		cc_report(c, CC_TOO_LARGE, CC_ERROR, v->name, "irqchips",
			  -1, CC_VAL_NUMBER, v->num_irqchips, 0,
			  "entries are more than the checker compares (64)",
			  "one entry covers 128 interrupts; no GIC needs more than 8");
		return;
	}
	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (irqchip_is_zero_entry(chip)) {
			cc_report(c, CC_IRQCHIP_ZERO_ENTRY, CC_NOTE, v->name,
				  "irqchips", cc_index(i), CC_VAL_NONE, 0, 0,
				  "is all zero and ignored",
				  "the array is declared larger than its entries; size it to them to drop this note");
			continue;
		}
		/*
		 * Like Jailhouse, the hypervisor ignores entries of other
		 * interrupt controllers: nothing is granted, nothing breaks.
		 */
		if (sys && chip->address != sys->platform_info.arm.gicd_base) {
			cc_finding_init(&f, CC_IRQCHIP_ADDRESS, CC_WARNING,
					v->name, "irqchips", cc_index(i),
					"is not at the GIC distributor address and is ignored; GICD is at",
					"set .address to platform_info.arm.gicd_base, or the interrupts of this entry never reach the cell");
			cc_set_value(&f, CC_VAL_HEX, chip->address, 0);
			cc_set_other_value(&f, CC_VAL_HEX,
					   sys->platform_info.arm.gicd_base, 0);
			cc_emit(c, &f);
			continue;
		}
		if (chip->pin_base % 32 || chip->pin_base >= CC_GIC_MAX_INTID) {
			cc_finding_init(&f, CC_IRQCHIP_PIN_BASE, CC_ERROR,
					v->name, "irqchips", cc_index(i),
					"has a pin_base that is not a multiple of 32 below 1020:",
					"use pin_base 32, 160, 288, ... (bit n of pin_bitmap[k] is INTID pin_base + 32 * k + n)");
			cc_set_other_value(&f, CC_VAL_NUMBER, chip->pin_base, 0);
			cc_emit(c, &f);
		}
	}
}

bool cc_cell_has_pin(const struct jailhouse_system *sys,
		     const struct cc_cell *v, __u64 pin)
{
	__u64 i, bit;

	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (!irqchip_usable(sys, chip) || pin < chip->pin_base ||
		    pin >= (__u64)chip->pin_base + CC_PINS_PER_IRQCHIP)
			continue;
		bit = pin - chip->pin_base;
		if (irqchip_bit_set(chip, bit))
			return true;
	}
	return false;
}


void cc_check_irqs_against_root(struct cc_checker *c,
				const struct jailhouse_system *sys,
				const struct cc_cell *root,
				const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 i, bit, pin;

	if (root->irqchips_too_large || v->irqchips_too_large)
		return;
	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (!irqchip_usable(sys, chip))
			continue;
		for (bit = 0; bit < CC_PINS_PER_IRQCHIP; bit++) {
			if (!irqchip_bit_set(chip, bit))
				continue;
			pin = chip->pin_base + bit;
			if (cc_cell_has_pin(sys, root, pin))
				continue;
			cc_finding_init(&f, CC_IRQ_NOT_IN_ROOT, CC_WARNING,
					v->name, "irqchips", cc_index(i),
					"is not granted to the root cell",
					"interrupts of a cell normally come from the root: add the pin to the root's irqchips, or check the bit (bit n of pin_bitmap[k] is INTID pin_base + 32 * k + n)");
			cc_set_value(&f, CC_VAL_PIN, pin, 0);
			cc_set_other(&f, root->name, NULL, -1);
			cc_emit(c, &f);
		}
	}
}

void cc_check_irq_pair(struct cc_checker *c,
		       const struct jailhouse_system *sys,
		       const struct cc_cell *a, const struct cc_cell *b)
{
	struct config_check_finding f;
	__u64 j, bit, pin;

	if (a->irqchips_too_large || b->irqchips_too_large)
		return;
	for (j = 0; j < b->num_irqchips; j++) {
		const struct jailhouse_irqchip *chip = &b->irqchips[j];

		if (!irqchip_usable(sys, chip))
			continue;
		for (bit = 0; bit < CC_PINS_PER_IRQCHIP; bit++) {
			if (!irqchip_bit_set(chip, bit))
				continue;
			pin = chip->pin_base + bit;
			if (!cc_cell_has_pin(sys, a, pin))
				continue;
			cc_finding_init(&f, CC_IRQ_SHARED, CC_ERROR, b->name,
					"irqchips", cc_index(j),
					"is also granted to another cell",
					"an interrupt goes to one non-root cell only: clear its bit in one of the pin_bitmaps");
			cc_set_value(&f, CC_VAL_PIN, pin, 0);
			cc_set_other(&f, a->name, NULL, -1);
			cc_emit(c, &f);
		}
	}
}
