package org.backstep.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs deploy/check.sh (shellcheck, systemd-analyze verify, idempotent install into a temp root); tools it lacks are skipped. */
class DeployScriptsTest {
    @Test
    void deployChecksPass() throws Exception {
        Path check = Path.of("deploy", "check.sh");
        assumeTrue(Files.isRegularFile(check) && Files.isExecutable(Path.of("/bin/sh")), "no deploy/check.sh or /bin/sh");
        Process p = new ProcessBuilder("/bin/sh", check.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("install.sh is idempotent"), out);
    }

    @Test
    void unitsKeepTheirPromises() throws Exception {
        String unit = Files.readString(Path.of("deploy", "backstep.service"));
        for (String line : new String[]{"User=backstep", "SupplementaryGroups=i2c gpio", "StateDirectory=backstep",
                "ConfigurationDirectory=backstep", "Restart=on-failure", "SuccessExitStatus=143", "NoNewPrivileges=yes",
                "ProtectSystem=strict", "ProtectHome=yes", "PrivateDevices=no", "DeviceAllow=char-i2c rw",
                "DeviceAllow=char-gpiochip rw", "LogsDirectory=backstep"})
            assertTrue(unit.lines().anyMatch(line::equals), line);
        String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertEquals("ExecStart=/usr/bin/backstep run --config /etc/backstep/backstep.properties --state-dir /var/lib/backstep", exec);
        assertTrue(unit.contains("-Dtinylog.configuration=/etc/backstep/tinylog.properties"), "the service's log configuration");
        // the command on the PATH carries the service's JVM options and execs java (the JVM stays the main process)
        String wrapper = Files.readString(Path.of("deploy", "backstep"));
        assertTrue(wrapper.contains("exec \"$JAVA\" " + org.backstep.app.BenchFlags.UNIT + " $SHARE "), wrapper);
        // the class archive only when present, and never one the JVM must map (-Xshare:auto falls back)
        assertTrue(wrapper.contains("[ -r \"$CDS\" ]") && wrapper.contains("-Xshare:auto"), wrapper);
        assertTrue(wrapper.contains("/usr/share/backstep/backstep.jar"), wrapper);
        String rules = Files.readString(Path.of("deploy", "99-backstep-usb.rules"));
        assertTrue(rules.contains("ENV{SYSTEMD_WANTS}+=\"backstep-export@%k.service\""));
        assertFalse(rules.contains("RUN+="), "udev only starts the unit");
        String script = Files.readString(Path.of("deploy", "backstep-export"));
        assertTrue(script.contains("noexec,nodev,nosuid"));
        assertTrue(script.contains("nosymfollow"));
        assertTrue(script.contains("beep export_done") && script.contains("beep export_failed"));
    }
}
