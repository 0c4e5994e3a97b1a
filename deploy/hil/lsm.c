/*
 * ST LSM6DSOX and LSM6DS3TR-C register models (accelerometer and gyroscope; the same register
 * facts as src/main/java/org/backstep/hw/lsm6dsx/Lsm6dsxRegisters.java, which cites the datasheet
 * sections: "DSOX §9" and "DS3 §9" are the register descriptions, §4.1 the sensitivities).
 * Modelled: power-on values (both sensors powered down, CTRL3_C = IF_INC), SW_RESET, WHO_AM_I
 * (0x6C / 0x6A), CTRL1_XL / CTRL2_G rate (ODR code n: 6.5 * 2^n Hz) and full scale, register
 * auto-increment with IF_INC. LSM6DSOX FIFO: words of a tag (sensor 0x01 gyro / 0x02 accel, a 2-bit
 * slot counter, parity) and three little-endian axes, batched at BDR_GY / BDR_XL (FIFO_CTRL3),
 * bypass and continuous mode (FIFO_CTRL4), FIFO_STATUS1/2 with DIFF_FIFO, FIFO_OVR_IA and
 * FIFO_OVR_LATCHED (cleared when read), a burst from 78h wrapping from 7Eh to 78h. LSM6DS3TR-C
 * FIFO: untagged 16-bit words Gx Gy Gz XLx XLy XLz (FIFO_CTRL3 decimation 001 for both),
 * FIFO_CTRL5 mode, FIFO_STATUS1..4 with DIFF_FIFO, OVER_RUN and FIFO_PATTERN, a burst from 3Eh
 * wrapping from 3Fh to 3Eh. A full FIFO in continuous mode drops its oldest word. The FIFO holds
 * 256 samples (the chips hold more; the driver never needs it). Not modelled: decimation, other
 * batch rates per sensor, compression, timestamps, temperature, embedded functions.
 */
#include "hilchip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    DS3_FIFO_CTRL3 = 0x08, DSOX_FIFO_CTRL3 = 0x09, FIFO_CTRL4_5 = 0x0A, WHO_AM_I = 0x0F,
    CTRL1_XL = 0x10, CTRL2_G = 0x11, CTRL3_C = 0x12, FIFO_STATUS1 = 0x3A, FIFO_STATUS2 = 0x3B,
    FIFO_STATUS3 = 0x3C, FIFO_STATUS4 = 0x3D, DS3_FIFO_OUT_L = 0x3E, DSOX_FIFO_TAG = 0x78,
};
#define IF_INC 0x04
#define SW_RESET 0x01
#define MODE_BYPASS 0
#define MODE_CONTINUOUS 6
#define SAMPLES 256
#define MAX_WORDS (SAMPLES * 6)

struct lsm {
    struct chip c;
    int tagged, who;
    unsigned char reg[128];
    unsigned char word[MAX_WORDS][7];
    int word_bytes, head, count, offset, slot, overrun, overrun_latched;
    long gone;                /* words read or dropped since the FIFO started: FIFO_PATTERN */
    long long next_ns;
};

static const double LA_SO[4] = {0.061, 0.122, 0.244, 0.488};   /* mg/LSB at 2, 4, 8, 16 g (§4.1) */
static const double G_SO[4] = {8.75, 17.5, 35.0, 70.0};        /* mdps/LSB at 250..2000 dps (§4.1) */
static const int FS_XL_INDEX[4] = {0, 3, 1, 2};                /* FS_XL code 00 2g, 01 16g, 10 4g, 11 8g */

static double odr_hz(int code) {
    return code == 1 ? 12.5 : 6.5 * (1 << code);
}

static int fifo_mode(struct lsm *m) {
    return m->reg[FIFO_CTRL4_5] & 7;
}

static void empty_fifo(struct lsm *m) {
    m->head = m->count = m->offset = 0;
    m->gone = 0;
    m->overrun = m->overrun_latched = 0;
}

static void power_on(struct chip *c) {
    struct lsm *m = (struct lsm *) c;
    memset(m->reg, 0, sizeof m->reg);
    m->reg[WHO_AM_I] = (unsigned char) m->who;
    m->reg[CTRL3_C] = IF_INC;
    empty_fifo(m);
    m->next_ns = 0;
    c->ptr = 0;
}

static void push(struct lsm *m, const unsigned char *w) {
    if (m->count == MAX_WORDS) {
        m->head = (m->head + 1) % MAX_WORDS;
        m->count--;
        m->gone++;
        m->offset = 0;
        m->overrun = m->overrun_latched = 1;
    }
    memcpy(m->word[(m->head + m->count) % MAX_WORDS], w, (size_t) m->word_bytes);
    m->count++;
}

static int clamp16(double v) {
    long r = lround(v);
    return r > 32767 ? 32767 : r < -32768 ? -32768 : (int) r;
}

static void take_sample(struct lsm *m, long long t_ns) {
    double v[6];
    hil_motion(hil_walk_s(t_ns), v);
    double a_lsb = 1.0 / (LA_SO[FS_XL_INDEX[(m->reg[CTRL1_XL] >> 2) & 3]] * 1e-3 * G);
    double g_lsb = 1.0 / (G_SO[(m->reg[CTRL2_G] >> 2) & 3] * 1e-3 * PI / 180.0);
    int a[3], g[3];
    for (int i = 0; i < 3; i++) {
        a[i] = clamp16(v[i] * a_lsb);
        g[i] = clamp16(v[3 + i] * g_lsb);
    }
    if (fifo_mode(m) != MODE_CONTINUOUS || m->c.stuck) return;
    int gyro_on = (m->reg[CTRL2_G] >> 4) != 0;
    m->slot = (m->slot + 1) & 3;
    if (m->tagged) {
        int bdr_g = m->reg[DSOX_FIFO_CTRL3] >> 4, bdr_xl = m->reg[DSOX_FIFO_CTRL3] & 0x0F;
        for (int s = 0; s < 2; s++) {
            int *xyz = s == 0 ? g : a;
            if (s == 0 ? !(bdr_g && gyro_on) : !bdr_xl) continue;
            int tag = (s == 0 ? 0x01 : 0x02) << 3 | m->slot << 1;
            tag |= __builtin_popcount(tag) & 1;
            unsigned char w[7] = {(unsigned char) tag};
            for (int i = 0; i < 3; i++) {
                w[1 + 2 * i] = (unsigned char) xyz[i];
                w[2 + 2 * i] = (unsigned char) (xyz[i] >> 8);
            }
            push(m, w);
        }
    } else if (gyro_on) {
        for (int i = 0; i < 6; i++) {
            int x = i < 3 ? g[i] : a[i - 3];
            unsigned char w[2] = {(unsigned char) x, (unsigned char) (x >> 8)};
            push(m, w);
        }
    }
}

static void advance(struct chip *c, long long now) {
    struct lsm *m = (struct lsm *) c;
    int code = m->reg[CTRL1_XL] >> 4;
    if (code == 0 || code > 10) {
        m->next_ns = 0;
        return;
    }
    long long period = (long long) (1e9 / odr_hz(code));
    if (m->next_ns == 0) m->next_ns = now + period;
    for (; m->next_ns <= now; m->next_ns += period) take_sample(m, m->next_ns);
}

static int in_fifo_window(struct lsm *m, int reg) {
    return m->tagged ? reg >= DSOX_FIFO_TAG && reg < DSOX_FIFO_TAG + 7 : reg == DS3_FIFO_OUT_L || reg == DS3_FIFO_OUT_L + 1;
}

static int read_reg(struct chip *c, int reg) {
    struct lsm *m = (struct lsm *) c;
    reg &= 0x7F;
    if (in_fifo_window(m, reg)) {
        if (m->count == 0 || c->stuck) return 0;
        int b = m->word[m->head][m->offset];
        if (++m->offset == m->word_bytes) {      /* a word leaves when its last byte is read */
            m->offset = 0;
            m->head = (m->head + 1) % MAX_WORDS;
            m->count--;
            m->gone++;
            hil_data_read(m->word_bytes);
        }
        return b;
    }
    int count = c->stuck ? c->stuck_count : m->count;
    switch (reg) {
        case FIFO_STATUS1:
            return count & 0xFF;
        case FIFO_STATUS2: {
            int v;
            if (m->tagged) {
                v = (m->overrun ? 0x40 : 0) | (m->overrun_latched ? 0x08 : 0) | ((count >> 8) & 0x03);
                m->overrun_latched = 0;
            } else {
                v = (m->overrun ? 0x40 : 0) | (count == 0 ? 0x10 : 0) | ((count >> 8) & 0x07);
            }
            return v;
        }
        case FIFO_STATUS3:
            return m->tagged ? m->reg[reg] : (int) (m->gone % 6);
        case FIFO_STATUS4:
            return m->tagged ? m->reg[reg] : 0;
        default:
            return m->reg[reg];
    }
}

static void write_reg(struct chip *c, int reg, int v, long long now) {
    struct lsm *m = (struct lsm *) c;
    reg &= 0x7F;
    if (reg == WHO_AM_I || (reg >= FIFO_STATUS1 && reg <= FIFO_STATUS4)) return;   /* read-only */
    if (reg == CTRL3_C && (v & SW_RESET)) {
        power_on(c);
        hil_log("%s SW_RESET", c->name);
        return;
    }
    if (reg == FIFO_CTRL4_5) {
        if ((v & 7) == MODE_BYPASS) empty_fifo(m);
        if ((v & 7) == MODE_CONTINUOUS && fifo_mode(m) != MODE_CONTINUOUS) {
            hil_walk_started(now);
            hil_log("%s FIFO enabled at %.2f Hz", c->name, odr_hz(m->reg[CTRL1_XL] >> 4));
        }
    }
    if (reg == CTRL1_XL && v == 0 && m->reg[CTRL1_XL] != 0) hil_log("%s put to sleep (accelerometer powered down)", c->name);
    m->reg[reg] = (unsigned char) v;
}

static int next_ptr(struct chip *c, int reg) {
    struct lsm *m = (struct lsm *) c;
    if (!(m->reg[CTRL3_C] & IF_INC)) return reg;
    if (m->tagged && reg == DSOX_FIFO_TAG + 6) return DSOX_FIFO_TAG;
    if (!m->tagged && reg == DS3_FIFO_OUT_L + 1) return DS3_FIFO_OUT_L;
    return (reg + 1) & 0x7F;
}

static int fifo_level(struct chip *c) {
    return ((struct lsm *) c)->count;
}

static const struct chip_ops ops = {power_on, advance, read_reg, write_reg, next_ptr, fifo_level};

struct chip *hil_lsm_new(const char *name, int addr) {
    int tagged, who;
    if (!strcmp(name, "lsm6dsox")) {
        tagged = 1; who = 0x6C;
    } else if (!strcmp(name, "lsm6ds3trc")) {
        tagged = 0; who = 0x6A;
    } else {
        return NULL;
    }
    struct lsm *m = calloc(1, sizeof *m);
    m->c.ops = &ops;
    m->c.name = name;
    m->c.addr = addr >= 0 ? addr : 0x6A;
    m->tagged = tagged;
    m->who = who;
    m->word_bytes = tagged ? 7 : 2;
    return &m->c;
}
