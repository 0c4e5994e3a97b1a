/*
 * InvenSense MPU-6050, MPU-6500 and MPU-9250 (accelerometer and gyroscope part) register models.
 *
 * Sources: RM-MPU-6000A-00 rev 4.2 (MPU-6050 register map, "RM6050 §"), PS-MPU-6000A-00 rev 3.4
 * ("PS6050 §"), RM-MPU-6500A-01 rev 2.1 ("RM6500 §"), PS-MPU-6500A-01 rev 1.1 ("PS6500 §").
 * Modelled: power-on values (PWR_MGMT_1 SLEEP set on the MPU-6050, RM6050 §4.28), DEVICE_RESET
 * (NACKs for 100 ms, as the Java model does), SMPLRT_DIV and DLPF_CFG to the sample rate
 * (RM6050 §4.2, RM6500 §4.4), ranges, FIFO_EN order (accel, temp, gyro: RM6050 §4.6), USER_CTRL
 * FIFO_EN and FIFO_RESET (§4.27), INT_STATUS with FIFO_OFLOW_INT cleared on read (§4.16),
 * FIFO_COUNTH/L (§4.30), FIFO_R_W popping without auto-increment (§4.31), overflow dropping the
 * oldest bytes, and a 1024-byte FIFO on the MPU-6050, 512 bytes on the MPU-6500/9250
 * (PS6500 §4.17 "512-byte FIFO"). Not modelled: DMP, I2C master, self test, motion interrupts.
 */
#include "hilchip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    SMPLRT_DIV = 0x19, CONFIG = 0x1A, GYRO_CONFIG = 0x1B, ACCEL_CONFIG = 0x1C, ACCEL_CONFIG2 = 0x1D,
    FIFO_EN = 0x23, INT_STATUS = 0x3A, ACCEL_XOUT_H = 0x3B, USER_CTRL = 0x6A, PWR_MGMT_1 = 0x6B,
    FIFO_COUNTH = 0x72, FIFO_COUNTL = 0x73, FIFO_R_W = 0x74, WHO_AM_I = 0x75,
};
#define SLEEP 0x40
#define DEVICE_RESET 0x80
#define UC_FIFO_EN 0x40
#define UC_FIFO_RESET 0x04
#define FIFO_OFLOW_INT 0x10
#define DATA_RDY_INT 0x01
#define RESET_BUSY_NS 100000000LL

struct mpu {
    struct chip c;
    int who_am_i, fifo_size, pwr_reset;
    unsigned char reg[128];
    unsigned char *fifo;
    int head, count, latched, last_byte;
    long long next_ns;    /* time of the next sample; 0 when not sampling */
};

static int sampling(struct mpu *m) {
    return !(m->reg[PWR_MGMT_1] & SLEEP);
}

static double rate_hz(struct mpu *m) {
    int dlpf = m->reg[CONFIG] & 7;
    double base = (dlpf == 0 || dlpf == 7) ? 8000 : 1000;
    return base / (1 + m->reg[SMPLRT_DIV]);
}

static void power_on(struct chip *c) {
    struct mpu *m = (struct mpu *) c;
    memset(m->reg, 0, sizeof m->reg);
    m->reg[PWR_MGMT_1] = m->pwr_reset;
    m->reg[WHO_AM_I] = m->who_am_i;
    m->head = m->count = m->latched = m->last_byte = 0;
    m->next_ns = 0;
    c->ptr = 0;
}

static void push(struct mpu *m, int b) {
    if (m->count == m->fifo_size) {             /* full: the oldest byte goes (RM6050 §4.31) */
        m->head = (m->head + 1) % m->fifo_size;
        m->count--;
        m->reg[INT_STATUS] |= FIFO_OFLOW_INT;
    }
    m->fifo[(m->head + m->count) % m->fifo_size] = (unsigned char) b;
    m->count++;
}

static int clamp16(double v) {
    long r = lround(v);
    return r > 32767 ? 32767 : r < -32768 ? -32768 : (int) r;
}

static void take_sample(struct mpu *m, long long t_ns) {
    double v[6];
    hil_motion(hil_walk_s(t_ns), v);
    int afs = (m->reg[ACCEL_CONFIG] >> 3) & 3, fs = (m->reg[GYRO_CONFIG] >> 3) & 3;
    double a_lsb = 16384.0 / (1 << afs) / G;           /* PS6050 §6.2: 16384 LSB/g at ±2 g */
    double g_lsb = 131.0 / (1 << fs) * 180.0 / PI;     /* PS6050 §6.1: 131 LSB/(°/s) at ±250 °/s */
    int w[7] = {clamp16(v[0] * a_lsb), clamp16(v[1] * a_lsb), clamp16(v[2] * a_lsb), 0,
                clamp16(v[3] * g_lsb), clamp16(v[4] * g_lsb), clamp16(v[5] * g_lsb)};
    for (int i = 0; i < 7; i++) {
        m->reg[ACCEL_XOUT_H + 2 * i] = (unsigned char) (w[i] >> 8);
        m->reg[ACCEL_XOUT_H + 2 * i + 1] = (unsigned char) w[i];
    }
    m->reg[INT_STATUS] |= DATA_RDY_INT;
    if (!(m->reg[USER_CTRL] & UC_FIFO_EN) || m->c.stuck) return;
    int en = m->reg[FIFO_EN];
    /* RM6050 §4.6: enabled sensor registers go in register order 59..72. */
    if (en & 0x08) for (int i = 0; i < 6; i++) push(m, m->reg[ACCEL_XOUT_H + i]);
    if (en & 0x80) for (int i = 6; i < 8; i++) push(m, m->reg[ACCEL_XOUT_H + i]);
    if (en & 0x40) for (int i = 8; i < 10; i++) push(m, m->reg[ACCEL_XOUT_H + i]);
    if (en & 0x20) for (int i = 10; i < 12; i++) push(m, m->reg[ACCEL_XOUT_H + i]);
    if (en & 0x10) for (int i = 12; i < 14; i++) push(m, m->reg[ACCEL_XOUT_H + i]);
}

static void advance(struct chip *c, long long now) {
    struct mpu *m = (struct mpu *) c;
    if (!sampling(m)) {
        m->next_ns = 0;
        return;
    }
    long long period = (long long) (1e9 / rate_hz(m));
    if (m->next_ns == 0) m->next_ns = now + period;
    for (; m->next_ns <= now; m->next_ns += period) take_sample(m, m->next_ns);
}

static int read_reg(struct chip *c, int reg) {
    struct mpu *m = (struct mpu *) c;
    reg &= 0x7F;
    switch (reg) {
        case INT_STATUS: {
            int v = m->reg[INT_STATUS];
            m->reg[INT_STATUS] = 0;               /* cleared on read, RM6050 §4.16 */
            return v;
        }
        case FIFO_COUNTH:                         /* reading H latches L, RM6050 §4.30 */
            m->latched = c->stuck ? c->stuck_count : m->count;
            return (m->latched >> 8) & 0x1F;
        case FIFO_COUNTL:
            return m->latched & 0xFF;
        case FIFO_R_W:
            if (m->count > 0) {
                m->last_byte = m->fifo[m->head];
                m->head = (m->head + 1) % m->fifo_size;
                m->count--;
                hil_data_read(1);
            }
            return m->last_byte;                  /* empty: the last byte again */
        default:
            return m->reg[reg];
    }
}

static void write_reg(struct chip *c, int reg, int v, long long now) {
    struct mpu *m = (struct mpu *) c;
    reg &= 0x7F;
    switch (reg) {
        case WHO_AM_I:
        case INT_STATUS:
        case FIFO_COUNTH:
        case FIFO_COUNTL:
            return;                               /* read-only */
        case PWR_MGMT_1:
            if (v & DEVICE_RESET) {
                power_on(c);
                c->busy_until = now + RESET_BUSY_NS;
                hil_log("%s DEVICE_RESET", c->name);
                return;
            }
            if ((v & SLEEP) && !(m->reg[PWR_MGMT_1] & SLEEP)) hil_log("%s put to sleep", c->name);
            m->reg[PWR_MGMT_1] = (unsigned char) v;
            return;
        case USER_CTRL:
            if (v & UC_FIFO_RESET) {
                m->head = m->count = 0;
            }
            if ((v & UC_FIFO_EN) && !(m->reg[USER_CTRL] & UC_FIFO_EN)) {
                hil_walk_started(now);
                hil_log("%s FIFO enabled at %.2f Hz, FIFO_EN 0x%02x", c->name, rate_hz(m), m->reg[FIFO_EN]);
            }
            m->reg[USER_CTRL] = (unsigned char) (v & ~UC_FIFO_RESET);  /* FIFO_RESET clears itself */
            return;
        case FIFO_R_W:
            push(m, v);
            return;
        default:
            m->reg[reg] = (unsigned char) v;
    }
}

static int next_ptr(struct chip *c, int reg) {
    (void) c;
    return reg == FIFO_R_W ? reg : (reg + 1) & 0x7F;   /* bursts stay on FIFO_R_W, RM6050 §4.31 */
}

static int fifo_level(struct chip *c) {
    return ((struct mpu *) c)->count;
}

static const struct chip_ops ops = {power_on, advance, read_reg, write_reg, next_ptr, fifo_level};

struct chip *hil_mpu_new(const char *name, int addr) {
    int who, size, pwr;
    if (!strcmp(name, "mpu6050")) {
        who = 0x68; size = 1024; pwr = 0x40;       /* RM6050 §4.32, PS6050 §7.17, RM6050 §4.28 */
    } else if (!strcmp(name, "mpu6500")) {
        who = 0x70; size = 512; pwr = 0x01;        /* RM6500 §4.39 WHO_AM_I, PS6500 §4.17, RM6500 §4.31 */
    } else if (!strcmp(name, "mpu9250")) {
        who = 0x71; size = 512; pwr = 0x01;        /* RM-MPU-9250A-00 §4.41 WHO_AM_I */
    } else {
        return NULL;
    }
    struct mpu *m = calloc(1, sizeof *m);
    m->c.ops = &ops;
    m->c.name = name;
    m->c.addr = addr >= 0 ? addr : 0x68;
    m->who_am_i = who;
    m->fifo_size = size;
    m->pwr_reset = pwr;
    m->fifo = calloc(size, 1);
    return &m->c;
}
