package org.backstep.hw.pi4j;

import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buzzer adapters against Pi4J's mock PWM and digital output providers. */
class Pi4jBuzzerTest {
    private Context ctx;

    @BeforeEach
    void context() {
        ctx = Pi4J.newContextBuilder().noAutoDetect()
            .add(MockPwmProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    }

    @AfterEach
    void shutdown() {
        ctx.shutdown();
    }

    private Pwm pwm() {
        return ctx.create(Pwm.newConfigBuilder(ctx).id("bz").address(0).pwmType(PwmType.HARDWARE)
            .provider(MockPwmProvider.ID).build());
    }

    private DigitalOutput pin() {
        return ctx.create(DigitalOutput.newConfigBuilder(ctx).id("bz").address(17).initial(DigitalState.HIGH)
            .provider(MockDigitalOutputProvider.ID).build());
    }

    @Test
    void passivePwmPlaysTheToneAtHalfDuty() throws Exception {
        Pwm p = pwm();
        p.on(50, 440);                       // whatever state it had, the buzzer starts silent
        PwmBuzzer b = new PwmBuzzer(p, false);
        assertFalse(p.isOn());
        b.tone(2000);
        assertTrue(p.isOn());
        assertEquals(2000, p.getFrequency());
        assertEquals(50f, p.getDutyCycle());
        b.tone(880);
        assertEquals(880, p.getFrequency());
        b.tone(0);
        assertFalse(p.isOn());
        b.tone(1500);
        b.close();
        assertFalse(p.isOn(), "off after close");
        b.tone(1000);
        assertFalse(p.isOn(), "closed buzzer stays silent");
        b.close();
    }

    @Test
    void activePwmIsFullDutyRegardlessOfPitch() throws Exception {
        Pwm p = pwm();
        PwmBuzzer b = new PwmBuzzer(p, true);
        assertTrue(b.active());
        b.tone(300);
        assertTrue(p.isOn());
        assertEquals(100f, p.getDutyCycle());
        assertEquals(PwmBuzzer.ACTIVE_CARRIER_HZ, p.getFrequency());
        b.off();
        assertFalse(p.isOn());
    }

    @Test
    void gpioBuzzerSwitchesThePin() {
        DigitalOutput out = pin();
        GpioBuzzer b = new GpioBuzzer(out, false);
        assertEquals(DigitalState.LOW, out.state(), "silent at start");
        b.tone(1000);
        assertEquals(DigitalState.HIGH, out.state());
        b.off();
        assertEquals(DigitalState.LOW, out.state());
        b.tone(1);
        b.close();
        assertEquals(DigitalState.LOW, out.state(), "silent after close");
    }

    @Test
    void activeLowGpioBuzzerInverts() {
        DigitalOutput out = pin();
        GpioBuzzer b = new GpioBuzzer(out, true);
        assertEquals(DigitalState.HIGH, out.state());
        b.tone(1000);
        assertEquals(DigitalState.LOW, out.state());
        b.close();
        assertEquals(DigitalState.HIGH, out.state());
    }
}
