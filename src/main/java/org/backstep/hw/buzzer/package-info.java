/** Buzzer patterns as data ({@link org.backstep.hw.buzzer.Patterns}) and a non-blocking priority player. */
package org.backstep.hw.buzzer;
