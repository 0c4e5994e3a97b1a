/*
 * hilchip: an LD_PRELOAD library that puts a register-level IMU model behind /dev/i2c-N and the
 * kernel's PWM sysfs rules in front of /sys/class/pwm, for running backstep's real I2C and PWM
 * code (Pi4J's linuxfs providers and their JNI library) under qemu-user, where the kernel's i2c
 * ioctls answer ENOSYS.
 *
 * What it intercepts in the guest libc:
 *   open/open64/openat/openat64 (and the _2 fortify variants) of /dev/i2c-N: a handle on /dev/null
 *     that the model then answers for;
 *   ioctl I2C_SLAVE(_FORCE) (sets the address), I2C_FUNCS, I2C_RDWR (messages: write the register
 *     pointer, then read n bytes);
 *   write (a plain register write: pointer then data) and read (from the pointer) on those handles;
 *   writes to files under HIL_PWM_ROOT (default /sys/class/pwm): export creates pwmN, and the
 *     kernel's rules are enforced (duty_cycle never above period, enable needs a period), with
 *     EINVAL like the kernel. Every PWM write is logged.
 *
 * Environment:
 *   HIL_CHIP       mpu6050 (default) | mpu6500 | mpu9250 | lsm6dsox | lsm6ds3trc | none
 *   HIL_ADDR       7-bit address (default 0x68 for InvenSense, 0x6a for ST)
 *   HIL_BUS        N of /dev/i2c-N (default 1)
 *   HIL_RECORDING  CSV t,ax,ay,az,gx,gy,gz in m/s^2 and rad/s ('#' lines and the header skipped);
 *                  without it the chip lies still with +x up
 *   HIL_REC_HZ     the recording's sample rate (default 100)
 *   HIL_FAULTS     comma list of KIND@START[+DURATION] in seconds of walk time (from the first
 *                  FIFO enable): nack (every transaction NACKs), reset (power-on reset: registers
 *                  to their power-on values, SLEEP set, FIFO empty; NACKs for DURATION, default
 *                  0.05 s), stuck (FIFO count frozen, no new frames, reads past the content repeat
 *                  the last byte), unplug (NACK for DURATION, then back with power-on values)
 *   HIL_LOG        file to append model events to (one line each, "t=<walk s> ...")
 *   HIL_PWM_ROOT   default /sys/class/pwm
 *
 * Register maps: see mpu.c and lsm.c (each constant cites its datasheet section).
 */
#define _GNU_SOURCE
#include "hilchip.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_read)(int, void *, size_t);
static int (*real_ioctl)(int, unsigned long, ...);

/* ------------------------------------------------------------------ state */

#define MAX_FD 4096
enum fd_kind { FD_NONE, FD_I2C, FD_PWM };
struct fd_info {
    enum fd_kind kind;
    int addr;         /* I2C: the slave address set by I2C_SLAVE, -1 before */
    char path[256];   /* PWM: the sysfs path */
};
static struct fd_info fds[MAX_FD];

static struct chip *chip;
static int bus = 1;
static FILE *logf;
static char pwm_root[200] = "/sys/class/pwm";

/* recording */
static float *rec;        /* 6 floats per row */
static long rec_rows;
static double rec_hz = 100;

/* faults */
#define MAX_FAULTS 32
enum fault_kind { F_NACK, F_RESET, F_STUCK, F_UNPLUG };
static const char *fault_names[] = {"nack", "reset", "stuck", "unplug"};
struct fault {
    enum fault_kind kind;
    double start, dur;
    int begun, ended;
};
static struct fault faults[MAX_FAULTS];
static int nfaults;

static long long walk_t0 = -1;     /* monotonic ns of the first FIFO enable */
static long long last_fault_end = -1;
static int resumed_logged = 1;

long long hil_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

double hil_walk_s(long long ns) {
    return walk_t0 < 0 ? 0.0 : (ns - walk_t0) * 1e-9;
}

void hil_log(const char *fmt, ...) {
    if (!logf) return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(logf, "t=%.3f ", hil_walk_s(hil_now_ns()));
    vfprintf(logf, fmt, ap);
    fputc('\n', logf);
    fflush(logf);
    va_end(ap);
}

void hil_walk_started(long long ns) {
    if (walk_t0 < 0) {
        walk_t0 = ns;
        hil_log("walk started (first FIFO enable)");
    }
}

/* The recorded motion at walk time t: the nearest row; still with +x up outside the recording. */
void hil_motion(double t, double out[6]) {
    long i = (long) (t * rec_hz + 0.5);
    if (!rec || i < 0) {
        out[0] = 9.80665; out[1] = 0; out[2] = 0; out[3] = 0; out[4] = 0; out[5] = 0;
        return;
    }
    if (i >= rec_rows) i = rec_rows - 1;
    for (int k = 0; k < 6; k++) out[k] = rec[i * 6 + k];
}

static void load_recording(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "hilchip: cannot read HIL_RECORDING %s\n", path);
        exit(70);
    }
    long cap = 1 << 14;
    rec = malloc(cap * 6 * sizeof(float));
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == 't' || line[0] == '\n') continue;
        double v[7];
        if (sscanf(line, "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]) != 7) {
            fprintf(stderr, "hilchip: %s: bad line: %s", path, line);
            exit(70);
        }
        if (rec_rows == cap) {
            cap *= 2;
            rec = realloc(rec, cap * 6 * sizeof(float));
        }
        for (int k = 0; k < 6; k++) rec[rec_rows * 6 + k] = (float) v[k + 1];
        rec_rows++;
    }
    fclose(f);
}

static void parse_faults(const char *spec) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char kind[16];
        double start, dur = -1;
        if (nfaults == MAX_FAULTS) break;
        int n = sscanf(tok, "%15[a-z]@%lf+%lf", kind, &start, &dur);
        if (n < 2) {
            fprintf(stderr, "hilchip: HIL_FAULTS entry '%s' is not KIND@START[+DURATION]\n", tok);
            exit(70);
        }
        int k;
        for (k = 0; k < 4 && strcmp(kind, fault_names[k]); k++) {
        }
        if (k == 4) {
            fprintf(stderr, "hilchip: HIL_FAULTS kind '%s' unknown; known: nack reset stuck unplug\n", kind);
            exit(70);
        }
        if (dur < 0) dur = k == F_RESET ? 0.05 : 1.0;
        faults[nfaults++] = (struct fault) {(enum fault_kind) k, start, dur, 0, 0};
    }
}

__attribute__((constructor)) static void init(void) {
    real_open = dlsym(RTLD_NEXT, "open");
    real_open64 = dlsym(RTLD_NEXT, "open64");
    real_openat = dlsym(RTLD_NEXT, "openat");
    real_openat64 = dlsym(RTLD_NEXT, "openat64");
    real_close = dlsym(RTLD_NEXT, "close");
    real_write = dlsym(RTLD_NEXT, "write");
    real_read = dlsym(RTLD_NEXT, "read");
    real_ioctl = dlsym(RTLD_NEXT, "ioctl");
    const char *s;
    if ((s = getenv("HIL_LOG"))) {
        logf = fopen(s, "a");
        if (logf) setvbuf(logf, NULL, _IOLBF, 0);
    }
    if ((s = getenv("HIL_BUS"))) bus = atoi(s);
    if ((s = getenv("HIL_PWM_ROOT"))) snprintf(pwm_root, sizeof pwm_root, "%s", s);
    if ((s = getenv("HIL_REC_HZ"))) rec_hz = atof(s);
    if ((s = getenv("HIL_RECORDING"))) load_recording(s);
    if ((s = getenv("HIL_FAULTS"))) parse_faults(s);
    const char *name = getenv("HIL_CHIP");
    if (!name) name = "mpu6050";
    int addr = -1;
    if ((s = getenv("HIL_ADDR"))) addr = (int) strtol(s, NULL, 0);
    if (strcmp(name, "none")) {
        chip = hil_mpu_new(name, addr);
        if (!chip) chip = hil_lsm_new(name, addr);
        if (!chip) {
            fprintf(stderr, "hilchip: HIL_CHIP '%s' unknown; known: mpu6050 mpu6500 mpu9250 lsm6dsox lsm6ds3trc none\n", name);
            exit(70);
        }
        chip->ops->power_on(chip);
    }
    hil_log("model loaded: chip %s at 0x%02x on /dev/i2c-%d, %ld recording rows, %d fault(s)",
            chip ? chip->name : "none", chip ? chip->addr : 0, bus, rec_rows, nfaults);
}

/* ------------------------------------------------------------------ faults and time */

/* Starts and ends scheduled faults; returns 1 if the chip must NACK now. */
static int faults_tick(long long now) {
    if (!chip) return 1;
    double t = hil_walk_s(now);
    int nack = 0;
    chip->stuck = 0;
    for (int i = 0; i < nfaults && walk_t0 >= 0; i++) {
        struct fault *f = &faults[i];
        if (f->ended || t < f->start) continue;
        if (!f->begun) {
            f->begun = 1;
            hil_log("fault %s begins (%.2f s)", fault_names[f->kind], f->dur);
            if (f->kind == F_RESET || f->kind == F_UNPLUG) chip->ops->power_on(chip);
            if (f->kind == F_STUCK) chip->stuck_count = chip->ops->fifo_level(chip);
        }
        if (t >= f->start + f->dur) {
            f->ended = 1;
            if (f->kind == F_UNPLUG) chip->ops->power_on(chip);   /* replugged: a fresh chip */
            hil_log("fault %s ends", fault_names[f->kind]);
            last_fault_end = walk_t0 + (long long) ((f->start + f->dur) * 1e9);
            resumed_logged = 0;
            continue;
        }
        if (f->kind == F_STUCK) chip->stuck = 1;
        else nack = 1;
    }
    return nack;
}

/* Called by a chip model when the driver reads sensor data out of the FIFO. */
void hil_data_read(int bytes) {
    if (!resumed_logged && bytes > 0) {
        resumed_logged = 1;
        hil_log("data resumed %.3f s after the last fault ended", (hil_now_ns() - last_fault_end) * 1e-9);
    }
}

/* ------------------------------------------------------------------ I2C */

static int is_i2c_path(const char *path) {
    char want[32];
    snprintf(want, sizeof want, "/dev/i2c-%d", bus);
    return path && strcmp(path, want) == 0;
}

static int is_pwm_path(const char *path) {
    size_t n = strlen(pwm_root);
    return path && strncmp(path, pwm_root, n) == 0 && (path[n] == '/' || path[n] == 0);
}

static int track_open(const char *path, int fd) {
    if (fd < 0 || fd >= MAX_FD) return fd;
    pthread_mutex_lock(&lock);
    memset(&fds[fd], 0, sizeof fds[fd]);
    if (is_i2c_path(path)) {
        fds[fd].kind = FD_I2C;
        fds[fd].addr = -1;
    } else if (is_pwm_path(path)) {
        fds[fd].kind = FD_PWM;
        snprintf(fds[fd].path, sizeof fds[fd].path, "%s", path);
    }
    pthread_mutex_unlock(&lock);
    return fd;
}

static int open_common(const char *path, int flags, mode_t mode, int (*fn)(const char *, int, ...)) {
    if (is_i2c_path(path)) {
        /* The bus adapter exists whether or not a chip answers on it; the handle is a stand-in. */
        return track_open(path, fn("/dev/null", O_RDWR | (flags & O_CLOEXEC)));
    }
    return track_open(path, fn(path, flags, mode));
}

#define MODE_ARG(flags) \
    mode_t mode = 0; \
    if ((flags) & (O_CREAT | O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, int); va_end(ap); }

int open(const char *path, int flags, ...) { MODE_ARG(flags); return open_common(path, flags, mode, real_open); }
int open64(const char *path, int flags, ...) { MODE_ARG(flags); return open_common(path, flags, mode, real_open64); }
int __open_2(const char *path, int flags) { return open_common(path, flags, 0, real_open); }
int __open64_2(const char *path, int flags) { return open_common(path, flags, 0, real_open64); }

static int openat_common(int dirfd, const char *path, int flags, mode_t mode, int (*fn)(int, const char *, int, ...)) {
    if (path && path[0] == '/' && (is_i2c_path(path) || is_pwm_path(path))) {
        return open_common(path, flags, mode, real_open64);
    }
    return fn(dirfd, path, flags, mode);
}
int openat(int dirfd, const char *path, int flags, ...) { MODE_ARG(flags); return openat_common(dirfd, path, flags, mode, real_openat); }
int openat64(int dirfd, const char *path, int flags, ...) { MODE_ARG(flags); return openat_common(dirfd, path, flags, mode, real_openat64); }

int close(int fd) {
    if (fd >= 0 && fd < MAX_FD) {
        pthread_mutex_lock(&lock);
        fds[fd].kind = FD_NONE;
        pthread_mutex_unlock(&lock);
    }
    return real_close(fd);
}

/* One message on the bus: a write (pointer, then data) or a read from the pointer. 0, or -errno. */
static int transfer(int addr, int rd, unsigned char *buf, int len) {
    long long now = hil_now_ns();
    if (faults_tick(now) || !chip || addr != chip->addr) {
        chip && addr == chip->addr ? chip->nacks++ : 0;
        return -EREMOTEIO;   /* what i2c-bcm2835 reports for a NACK */
    }
    chip->ops->advance(chip, now);
    if (chip->busy_until > now) {
        chip->nacks++;
        return -EREMOTEIO;
    }
    if (rd) {
        for (int i = 0; i < len; i++) {
            buf[i] = (unsigned char) chip->ops->read_reg(chip, chip->ptr);
            chip->ptr = chip->ops->next_ptr(chip, chip->ptr);
        }
    } else if (len > 0) {
        chip->ptr = buf[0];
        for (int i = 1; i < len; i++) {
            chip->ops->write_reg(chip, chip->ptr, buf[i], now);
            chip->ptr = chip->ops->next_ptr(chip, chip->ptr);
        }
    }
    return 0;
}

static int i2c_ioctl(int fd, unsigned long req, void *arg) {
    switch (req) {
        case I2C_SLAVE:
        case I2C_SLAVE_FORCE:
            fds[fd].addr = (int) (long) arg;
            return 0;
        case I2C_FUNCS:
            *(unsigned long *) arg = I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
            return 0;
        case I2C_RDWR: {
            struct i2c_rdwr_ioctl_data *d = arg;
            for (unsigned i = 0; i < d->nmsgs; i++) {
                struct i2c_msg *m = &d->msgs[i];
                int r = transfer(m->addr, (m->flags & I2C_M_RD) != 0, m->buf, m->len);
                if (r < 0) {
                    errno = -r;
                    return -1;
                }
            }
            return (int) d->nmsgs;
        }
        default:
            errno = ENOTTY;
            return -1;
    }
}

int ioctl(int fd, unsigned long req, ...) {
    va_list ap;
    va_start(ap, req);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    if (fd >= 0 && fd < MAX_FD && fds[fd].kind == FD_I2C) {
        pthread_mutex_lock(&lock);
        int r = i2c_ioctl(fd, req, arg);
        int e = errno;
        pthread_mutex_unlock(&lock);
        errno = e;
        return r;
    }
    return real_ioctl(fd, req, arg);
}

ssize_t read(int fd, void *buf, size_t n) {
    if (fd >= 0 && fd < MAX_FD && fds[fd].kind == FD_I2C) {
        pthread_mutex_lock(&lock);
        int r = fds[fd].addr < 0 ? -EINVAL : transfer(fds[fd].addr, 1, buf, (int) n);
        pthread_mutex_unlock(&lock);
        if (r < 0) {
            errno = -r;
            return -1;
        }
        return (ssize_t) n;
    }
    return real_read(fd, buf, n);
}

/* ------------------------------------------------------------------ PWM sysfs */

static long long read_ll(const char *dir, const char *name) {
    char p[320], b[64] = {0};
    snprintf(p, sizeof p, "%s/%s", dir, name);
    int fd = real_open(p, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = real_read(fd, b, sizeof b - 1);
    real_close(fd);
    return n > 0 ? atoll(b) : -1;
}

static void write_file(const char *dir, const char *name, const char *value) {
    char p[320];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    int fd = real_open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        real_write(fd, value, strlen(value));
        real_close(fd);
    }
}

/* The kernel's checks for one sysfs write (drivers/pwm/sysfs.c, pwm_apply_state): 0 or -errno. */
static int pwm_check(const char *path, const char *value) {
    char dir[256];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) return -EINVAL;
    *slash = 0;
    const char *attr = slash + 1;
    char *end;
    long long v = strtoll(value, &end, 10);
    int numeric = end != value && (*end == 0 || *end == '\n');
    if (!strcmp(attr, "export") || !strcmp(attr, "unexport")) {
        long long npwm = read_ll(dir, "npwm");
        if (!numeric || v < 0 || v >= npwm) return -EINVAL;
        char pwm[300];
        snprintf(pwm, sizeof pwm, "%s/pwm%lld", dir, v);
        struct stat st;
        if (!strcmp(attr, "export")) {
            if (stat(pwm, &st) == 0) return -EBUSY;
            mkdir(pwm, 0755);
            write_file(pwm, "period", "0\n");
            write_file(pwm, "duty_cycle", "0\n");
            write_file(pwm, "enable", "0\n");
            write_file(pwm, "polarity", "normal\n");
        }
        return 0;
    }
    long long period = read_ll(dir, "period"), duty = read_ll(dir, "duty_cycle"), enabled = read_ll(dir, "enable");
    if (!strcmp(attr, "period")) {
        if (!numeric || v < 0 || v < duty || (enabled == 1 && v == 0)) return -EINVAL;
    } else if (!strcmp(attr, "duty_cycle")) {
        if (!numeric || v < 0 || v > period) return -EINVAL;
    } else if (!strcmp(attr, "enable")) {
        if (!numeric || (v != 0 && v != 1) || (v == 1 && period <= 0)) return -EINVAL;
    } else if (!strcmp(attr, "polarity")) {
        if (strncmp(value, "normal", 6) && strncmp(value, "inversed", 8)) return -EINVAL;
    } else {
        return -EACCES;   /* npwm and the rest are read-only */
    }
    return 0;
}

ssize_t write(int fd, const void *buf, size_t n) {
    if (fd >= 0 && fd < MAX_FD && fds[fd].kind == FD_I2C) {
        pthread_mutex_lock(&lock);
        int r = fds[fd].addr < 0 ? -EINVAL : transfer(fds[fd].addr, 0, (unsigned char *) buf, (int) n);
        pthread_mutex_unlock(&lock);
        if (r < 0) {
            errno = -r;
            return -1;
        }
        return (ssize_t) n;
    }
    if (fd >= 0 && fd < MAX_FD && fds[fd].kind == FD_PWM) {
        char value[64];
        size_t k = n < sizeof value - 1 ? n : sizeof value - 1;
        memcpy(value, buf, k);
        value[k] = 0;
        pthread_mutex_lock(&lock);
        int r = pwm_check(fds[fd].path, value);
        char shown[64];
        snprintf(shown, sizeof shown, "%s", value);
        shown[strcspn(shown, "\n")] = 0;
        hil_log("pwm %s %s %s", fds[fd].path + strlen(pwm_root), shown, r == 0 ? "ok" : strerror(-r));
        pthread_mutex_unlock(&lock);
        if (r < 0) {
            errno = -r;
            return -1;
        }
    }
    return real_write(fd, buf, n);
}
