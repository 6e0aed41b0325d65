package dev.awsj.output;

import java.math.BigDecimal;

/**
 * Floating-point numbers written as the AWS CLI (Python) writes them: plain decimals from 1e-4 up
 * to 1e16 ({@code 0.00014}, {@code 100.0}), scientific outside ({@code 1.5e-05}, {@code 1e+16}),
 * where Java would write {@code 1.4E-4} and {@code 1.0E7}.
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = bd.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = bd.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
