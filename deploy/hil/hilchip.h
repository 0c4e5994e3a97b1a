/* hilchip: the interface between the bus layer (hilchip.c) and the chip models (mpu.c, lsm.c). */
#ifndef HILCHIP_H
#define HILCHIP_H

struct chip;

struct chip_ops {
    /* Power-on reset: every register to its reset value, FIFO empty, sampling stopped. */
    void (*power_on)(struct chip *);
    /* Produces every frame due up to monotonic time now (ns). */
    void (*advance)(struct chip *, long long now);
    int (*read_reg)(struct chip *, int reg);
    void (*write_reg)(struct chip *, int reg, int value, long long now);
    /* The register a burst moves to after reg (auto-increment, FIFO windows). */
    int (*next_ptr)(struct chip *, int reg);
    /* Bytes (or words) in the FIFO now, for the stuck-count fault. */
    int (*fifo_level)(struct chip *);
};

struct chip {
    const struct chip_ops *ops;
    const char *name;
    int addr;
    int ptr;                   /* register pointer */
    long long busy_until;      /* NACKs until then (after a software reset), monotonic ns */
    int stuck, stuck_count;    /* stuck-count fault in progress, and the frozen count */
    long nacks;
};

struct chip *hil_mpu_new(const char *name, int addr);
struct chip *hil_lsm_new(const char *name, int addr);

long long hil_now_ns(void);
double hil_walk_s(long long ns);
void hil_walk_started(long long ns);
void hil_motion(double walk_s, double out[6]);
void hil_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void hil_data_read(int bytes);

#define G 9.80665
#define PI 3.14159265358979

#endif
