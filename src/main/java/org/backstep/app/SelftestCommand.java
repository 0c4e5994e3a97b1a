package org.backstep.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.backstep.hw.SelfTest;
import org.backstep.hw.pi4j.Pi4jHardware;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code selftest}: on the Pi, probe the IMU, read a second of data and play every buzzer pattern. */
@Command(name = "selftest", mixinStandardHelpOptions = true, description = "Probe the IMU, read one second of data, play every buzzer pattern.")
final class SelftestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintStream out;

    SelftestCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        AppConfig cfg = common.load();
        SelfTest.Result r = new SelfTest().run(() -> Pi4jHardware.open(cfg.imu(), cfg.imuSelection(), cfg.buzzer()), out);
        out.flush();
        return r.passed() ? 0 : 1;
    }
}
