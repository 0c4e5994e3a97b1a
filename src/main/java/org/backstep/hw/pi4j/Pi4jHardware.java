package org.backstep.hw.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.raspberrypi.platform.RaspberryPiPlatform;
import com.pi4j.context.ContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backstep.hw.AwaitedImu;
import org.backstep.hw.Buzzer;
import org.backstep.hw.DeviceException;
import org.backstep.hw.Hardware;
import org.backstep.hw.I2cDevice;
import org.backstep.hw.Imu;
import org.backstep.hw.ImuChip;
import org.backstep.hw.ImuProbe;
import org.backstep.hw.ImuSelection;
import org.backstep.hw.NanoClock;
import org.backstep.hw.SilentBuzzer;
import org.backstep.hw.Sleeper;
import org.backstep.hw.lsm6dsx.Lsm6dsx;
import org.backstep.hw.lsm6dsx.Lsm6dsxSettings;
import org.backstep.hw.mpu6050.Mpu6050;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.sim.SimulatedI2CProvider;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.tinylog.Logger;

/**
 * Builds ONE Pi4J context with explicitly chosen providers (no auto-detection), opens the IMU and the
 * buzzer in it, and owns all of them: {@link #close()} silences the buzzer, puts the IMU to sleep and
 * shuts the context down, once, from any thread (shutdown hook included).
 *
 * <ul>
 *   <li>{@link #open}: the real unit. RaspberryPi platform, linuxfs-i2c, and only the buzzer provider
 *       needed: linuxfs-pwm (for the configured pwmchip) or gpiod-digital-output.</li>
 *   <li>{@link #simulated}: the demo. The {@link SimulatedI2CProvider} serves a simulated chip at the
 *       configured bus/address; same driver, same Pi4J I2C path; a {@link SilentBuzzer}.</li>
 *   <li>{@link #assemble}: any context the caller built (tests use Pi4J's mock PWM/GPIO providers).</li>
 * </ul>
 */
public final class Pi4jHardware implements Hardware {
    private final Context context;
    private final Imu imu;
    private final Buzzer buzzer;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread hook;

    private Pi4jHardware(Context context, Imu imu, Buzzer buzzer, String description) {
        this.context = context;
        this.imu = imu;
        this.buzzer = buzzer;
        this.description = description;
    }

    /**
     * Opens the real hardware.
     *
     * @throws DeviceException with a one-line hint if the I2C bus or PWM chip is missing, or the IMU does not answer
     */
    public static Pi4jHardware open(Mpu6050Settings imu, BuzzerSettings buzzer) {
        return open(imu, new ImuSelection(ImuChip.MPU6050, imu.address()), buzzer);
    }

    /**
     * Opens the real hardware, looking for the IMU as {@code selection} says.
     *
     * @throws DeviceException with a one-line hint if the I2C bus or PWM chip is missing, or no supported IMU answers
     */
    public static Pi4jHardware open(Mpu6050Settings imu, ImuSelection selection, BuzzerSettings buzzer) {
        return open(imu, selection, buzzer, false);
    }

    /**
     * As {@link #open(Mpu6050Settings, ImuSelection, BuzzerSettings)}; with {@code awaitImu}, an IMU that does
     * not answer at all (nothing acknowledges at its addresses) is no error: {@link #imu()} is then an
     * {@link AwaitedImu} that the sampling loop opens once the chip answers ({@code run}). A chip that answers
     * but is the wrong one or keeps no configuration, and a missing bus, still fail with one line.
     */
    public static Pi4jHardware open(Mpu6050Settings imu, ImuSelection selection, BuzzerSettings buzzer, boolean awaitImu) {
        Path dev = Path.of("/dev/i2c-" + imu.bus());
        if (!Files.exists(dev)) {
            throw DeviceException.of(IMU, "no " + dev + ": enable I2C (sudo raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on in /boot/firmware/config.txt) and reboot", null);
        }
        if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            throw DeviceException.of(IMU, dev + " is not readable and writable for user " + System.getProperty("user.name")
                + ": add the user to group i2c (sudo usermod -aG i2c USER) and log in again", null);
        }
        ContextBuilder b = Pi4J.newContextBuilder().noAutoDetect().add(new RaspberryPiPlatform())
            .add(LinuxFsI2CProvider.newInstance());
        String[] ids = addBuzzerProvider(b, buzzer);
        String pwmId = ids[0];
        String doutId = ids[1];
        return assemble(b.build(), LinuxFsI2CProvider.ID, doutId, pwmId, imu, selection, buzzer, Sleeper.SYSTEM, NanoClock.SYSTEM, awaitImu);
    }

    /** The part of the unit a failure is about, as self tests and error lines name it. */
    public static final String IMU = "imu";
    public static final String BUZZER = "buzzer";

    /**
     * A usable GPIO character device for the gpiod buzzer, checked before Pi4J is asked (which otherwise
     * says its provider "could not be found", with a stack trace).
     *
     * @throws DeviceException about the buzzer, with what to do
     */
    static void checkGpioChips(Path devDir) {
        java.util.List<Path> chips;
        try (java.util.stream.Stream<Path> list = Files.list(devDir)) {
            chips = list.filter(p -> p.getFileName().toString().matches("gpiochip[0-9]+")).sorted().collect(java.util.stream.Collectors.toList());
        } catch (java.io.IOException | RuntimeException e) {
            chips = java.util.List.of();
        }
        if (chips.isEmpty()) {
            throw DeviceException.of(BUZZER, "no " + devDir.resolve("gpiochip*") + ": the GPIO buzzer needs the kernel's GPIO character"
                + " device (Raspberry Pi OS has it); use buzzer.type = pwm or none", null);
        }
        for (Path c : chips) {
            if (Files.isReadable(c) && Files.isWritable(c)) return;
        }
        throw DeviceException.of(BUZZER, chips.get(0) + " is not readable and writable for user " + System.getProperty("user.name")
            + ": add the user to group gpio (sudo usermod -aG gpio USER) and log in again", null);
    }

    /**
     * A native library that does not load (Pi4J's I2C JNI library off a Pi's arm/aarch64, libgpiod missing)
     * is an {@link Error} that nothing would catch: it becomes a one-line failure of {@code device}.
     */
    static DeviceException nativeFailure(String device, LinkageError e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return DeviceException.of(device, "could not load the native library for the " + device + " (" + why
            + "): the hardware needs a Raspberry Pi OS on arm or aarch64; reinstall backstep if it is one", null);
    }

    /** Adds the buzzer's provider to {@code b}; returns {PWM provider id, digital output provider id} (nulls when unused). */
    private static String[] addBuzzerProvider(ContextBuilder b, BuzzerSettings buzzer) {
        String pwmId = null;
        String doutId = null;
        if (buzzer.kind() == BuzzerSettings.Kind.PWM) {
            Path chip = Path.of("/sys/class/pwm/pwmchip" + buzzer.pwmChip());
            if (!Files.exists(chip)) {
                throw DeviceException.of(BUZZER, "no " + chip + ": add dtoverlay=pwm,pin=18,func=2 to /boot/firmware/config.txt and reboot, or use a GPIO buzzer", null);
            }
            b.add(LinuxFsPwmProvider.newInstance(buzzer.pwmChip()));
            pwmId = LinuxFsPwmProvider.ID;
        } else if (buzzer.kind() == BuzzerSettings.Kind.GPIO) {
            checkGpioChips(Path.of("/dev"));
            b.add(GpioDDigitalOutputProvider.newInstance());
            doutId = GpioDDigitalOutputProvider.ID;
        }
        return new String[] {pwmId, doutId};
    }

    /**
     * Opens only the buzzer (for {@code beep}): no I2C, so it works beside a running service.
     * {@link #imu()} of the result throws.
     */
    public static Pi4jHardware openBuzzer(BuzzerSettings buzzer) {
        ContextBuilder b = Pi4J.newContextBuilder().noAutoDetect().add(new RaspberryPiPlatform());
        String[] ids = addBuzzerProvider(b, buzzer);
        Context ctx = b.build();
        try {
            Buzzer bz = openBuzzer(ctx, buzzer, ids[1], ids[0]);
            return new Pi4jHardware(ctx, null, bz, "buzzer only: " + buzzer);
        } catch (RuntimeException | LinkageError e) {
            shutdownQuietly(ctx);
            throw failure(BUZZER, e);
        }
    }

    /** The demo unit: the simulated chip behind Pi4J, and a silent buzzer. Uses the wall clock for waits. */
    public static Pi4jHardware simulated(Mpu6050Settings imu, SimulatedMpu6050 chip) {
        return simulated(imu, chip, Sleeper.SYSTEM, NanoClock.SYSTEM);
    }

    /** As {@link #simulated(Mpu6050Settings, SimulatedMpu6050)} with injected time. */
    public static Pi4jHardware simulated(Mpu6050Settings imu, SimulatedMpu6050 chip, Sleeper sleeper, NanoClock clock) {
        return simulated(imu, chip, sleeper, clock, false);
    }

    /** As above; {@code awaitImu} as for {@link #open(Mpu6050Settings, ImuSelection, BuzzerSettings, boolean)}. */
    public static Pi4jHardware simulated(Mpu6050Settings imu, SimulatedMpu6050 chip, Sleeper sleeper, NanoClock clock, boolean awaitImu) {
        Context ctx = Pi4J.newContextBuilder().noAutoDetect()
            .add(new SimulatedI2CProvider(chip, imu.bus(), imu.address())).build();
        return assemble(ctx, SimulatedI2CProvider.ID, null, null, imu, new ImuSelection(ImuChip.MPU6050, imu.address()),
            BuzzerSettings.none(), sleeper, clock, awaitImu);
    }

    /**
     * Opens the IMU and buzzer in {@code ctx}, which this object then owns (it is shut down on failure
     * too). A null provider id for the buzzer kind in use falls back to a {@link SilentBuzzer}.
     */
    public static Pi4jHardware assemble(Context ctx, String i2cProviderId, String digitalOutputProviderId,
                                        String pwmProviderId, Mpu6050Settings imuSettings, BuzzerSettings buzzerSettings,
                                        Sleeper sleeper, NanoClock clock) {
        return assemble(ctx, i2cProviderId, digitalOutputProviderId, pwmProviderId, imuSettings,
            new ImuSelection(ImuChip.MPU6050, imuSettings.address()), buzzerSettings, sleeper, clock);
    }

    /** As above, looking for the IMU as {@code selection} says (probing when it is not fixed). */
    public static Pi4jHardware assemble(Context ctx, String i2cProviderId, String digitalOutputProviderId,
                                        String pwmProviderId, Mpu6050Settings imuSettings, ImuSelection selection,
                                        BuzzerSettings buzzerSettings, Sleeper sleeper, NanoClock clock) {
        return assemble(ctx, i2cProviderId, digitalOutputProviderId, pwmProviderId, imuSettings, selection, buzzerSettings,
            sleeper, clock, false);
    }

    /** As above; {@code awaitImu} as for {@link #open(Mpu6050Settings, ImuSelection, BuzzerSettings, boolean)}. */
    public static Pi4jHardware assemble(Context ctx, String i2cProviderId, String digitalOutputProviderId,
                                        String pwmProviderId, Mpu6050Settings imuSettings, ImuSelection selection,
                                        BuzzerSettings buzzerSettings, Sleeper sleeper, NanoClock clock, boolean awaitImu) {
        Imu imu = null;
        Buzzer buzzer = null;
        String part = IMU;
        try {
            Pi4jI2cBus bus = new Pi4jI2cBus(ctx, i2cProviderId, imuSettings.bus());
            String imuWhat;
            if (awaitImu && !ImuProbe.anyAnswers(bus, selection)) {
                String why = "no IMU answering on " + bus.describe() + " at " + describeAddresses(selection)
                    + "; check the wiring (SDA GPIO2 pin 3, SCL GPIO3 pin 5, 3V3, GND)";
                imu = new AwaitedImu(() -> {
                    ImuProbe.Found f = find(bus, selection);
                    Imu opened = openImu(bus, f, imuSettings, sleeper, clock);
                    Logger.info("IMU answered: {}, {}", f.describe(bus), describeSampling(opened, imuSettings));
                    return opened;
                }, expectedRateHz(selection, imuSettings), why);
                imuWhat = "waiting for the IMU (" + why + "), " + imuSettings.describeSampling();
            } else {
                ImuProbe.Found found = find(bus, selection);
                imu = openImu(bus, found, imuSettings, sleeper, clock);
                imuWhat = found.describe(bus) + ", " + describeSampling(imu, imuSettings);
            }
            part = BUZZER;
            buzzer = openBuzzer(ctx, buzzerSettings, digitalOutputProviderId, pwmProviderId);
            String what = imuWhat + "; "
                + (buzzer instanceof SilentBuzzer ? "no buzzer" : buzzerSettings.toString()) + "; I2C via " + i2cProviderId;
            return new Pi4jHardware(ctx, imu, buzzer, what);
        } catch (RuntimeException | LinkageError e) {
            if (buzzer != null) buzzer.close();
            if (imu != null) imu.close();
            shutdownQuietly(ctx);
            throw failure(part, e);
        }
    }

    /** A fixed chip and address go straight to the driver, whose probe says what is wrong; else the probe finds it. */
    private static ImuProbe.Found find(Pi4jI2cBus bus, ImuSelection selection) {
        return selection.fixed() ? new ImuProbe.Found(selection.chip(), selection.address())
            : ImuProbe.find(bus, selection.chip(), selection.address());
    }

    /** The rate a chip of {@code selection} will run at: an InvenSense chip's unless an ST chip is named. */
    private static double expectedRateHz(ImuSelection selection, Mpu6050Settings s) {
        ImuChip c = selection.chip();
        return c != null && c.family() == ImuChip.Family.ST ? Lsm6dsxSettings.of(c, s).actualRateHz() : s.actualRateHz();
    }

    private static String describeAddresses(ImuSelection selection) {
        if (selection.address() >= 0) return String.format(java.util.Locale.ROOT, "0x%02x", selection.address());
        java.util.List<Integer> as = selection.chip() != null ? selection.chip().family().addresses() : ImuChip.KNOWN_ADDRESSES;
        return as.stream().map(a -> String.format(java.util.Locale.ROOT, "0x%02x", a)).collect(java.util.stream.Collectors.joining("/"));
    }

    /** The IMU that answered later, when it was awaited and refused for its rate, or null. */
    public String imuRefusal() {
        return imu instanceof AwaitedImu a ? a.refusal() : null;
    }

    /** The driver for the chip found: the MPU-6050 driver for the InvenSense chips, {@link Lsm6dsx} for ST's. */
    private static Imu openImu(Pi4jI2cBus bus, ImuProbe.Found found, Mpu6050Settings s, Sleeper sleeper, NanoClock clock) {
        I2cDevice device = bus.open(found.address());
        if (found.chip().family() == ImuChip.Family.INVENSENSE) {
            return Mpu6050.open(device, s.toBuilder().address(found.address()).build(), found.chip(), sleeper, clock);
        }
        return Lsm6dsx.open(device, Lsm6dsxSettings.of(found.chip(), s), sleeper, clock);
    }

    private static String describeSampling(Imu imu, Mpu6050Settings s) {
        return imu instanceof Lsm6dsx lsm ? lsm.settings().toString() : s.describeSampling();
    }

    /** Any failure to open {@code part} as a one-line {@link DeviceException} that names it. */
    static DeviceException failure(String part, Throwable e) {
        if (e instanceof DeviceException d) return d.about(part);
        if (e instanceof LinkageError l) return nativeFailure(part, l);
        return DeviceException.of(part, "could not open the " + part + ": " + Pi4jI2cDevice.reason(e), e);
    }

    private static Buzzer openBuzzer(Context ctx, BuzzerSettings s, String doutId, String pwmId) {
        switch (s.kind()) {
            case PWM:
                if (pwmId == null) return new SilentBuzzer();
                Pwm pwm = ctx.create(Pwm.newConfigBuilder(ctx).id("backstep-buzzer").name("buzzer")
                    .address(s.pwmChannel()).pwmType(PwmType.HARDWARE).shutdown(0).provider(pwmId).build());
                return new PwmBuzzer(pwm, s.active());
            case GPIO:
                if (doutId == null) return new SilentBuzzer();
                DigitalState off = s.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
                DigitalOutput out = ctx.create(DigitalOutput.newConfigBuilder(ctx).id("backstep-buzzer").name("buzzer")
                    .address(s.bcmPin()).initial(off).shutdown(off).provider(doutId).build());
                return new GpioBuzzer(out, s.activeLow());
            default:
                return new SilentBuzzer();
        }
    }

    /** Registers a JVM shutdown hook that closes everything (Pi4J's own hook is off by default). */
    public Pi4jHardware closeOnShutdown() {
        Thread t = new Thread(this::close, "backstep-hw-shutdown");
        Runtime.getRuntime().addShutdownHook(t);
        hook = t;
        return this;
    }

    @Override
    public Imu imu() {
        if (imu == null) throw new DeviceException("this hardware was opened without the IMU");
        return imu;
    }

    @Override
    public Buzzer buzzer() {
        return buzzer;
    }

    /** The Pi4J context (owned by this object; do not shut it down yourself). */
    public Context context() {
        return context;
    }

    @Override
    public String describe() {
        return description;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            buzzer.close();
        } catch (RuntimeException e) {
            Logger.warn("closing buzzer: {}", e.getMessage());
        }
        try {
            if (imu != null) imu.close();
        } catch (RuntimeException e) {
            Logger.warn("closing IMU: {}", e.getMessage());
        }
        shutdownQuietly(context);
        Thread t = hook;
        if (t != null && Thread.currentThread() != t) {
            try {
                Runtime.getRuntime().removeShutdownHook(t);
            } catch (IllegalStateException e) {
                // JVM already shutting down
            }
        }
    }

    private static void shutdownQuietly(Context ctx) {
        try {
            if (!ctx.isShutdown()) ctx.shutdown();
        } catch (RuntimeException e) {
            Logger.warn("Pi4J context shutdown: {}", e.getMessage());
        }
    }
}
