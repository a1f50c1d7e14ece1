package io.keyvault.spring.test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Just enough ASN.1 DER encoding to write one X.509 certificate, so HTTPS needs neither external
 * tools nor BouncyCastle nor JDK-internal classes.
 */
final class Der {

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private Der() {
	}

	static byte[] tagged(int tag, byte[]... contents) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		for (byte[] part : contents) {
			content.writeBytes(part);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = content.size();
		if (length < 0x80) {
			out.write(length);
		}
		else if (length <= 0xFF) {
			out.write(0x81);
			out.write(length);
		}
		else {
			out.write(0x82);
			out.write(length >>> 8);
			out.write(length & 0xFF);
		}
		out.writeBytes(content.toByteArray());
		return out.toByteArray();
	}

	static byte[] sequence(byte[]... contents) {
		return tagged(0x30, contents);
	}

	static byte[] set(byte[]... contents) {
		return tagged(0x31, contents);
	}

	static byte[] integer(BigInteger value) {
		return tagged(0x02, value.toByteArray());
	}

	static byte[] bool(boolean value) {
		return tagged(0x01, new byte[] { (byte) (value ? 0xFF : 0x00) });
	}

	static byte[] octetString(byte[] value) {
		return tagged(0x04, value);
	}

	/** A BIT STRING with no unused bits. */
	static byte[] bitString(byte[] value) {
		return tagged(0x03, new byte[] { 0 }, value);
	}

	static byte[] utf8(String value) {
		return tagged(0x0C, value.getBytes(StandardCharsets.UTF_8));
	}

	/** UTCTime: valid until 2049, far beyond the life of a test certificate. */
	static byte[] utcTime(Instant instant) {
		return tagged(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
	}

	static byte[] oid(String dotted) {
		String[] parts = dotted.split("\\.");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
		for (int i = 2; i < parts.length; i++) {
			long value = Long.parseLong(parts[i]);
			byte[] base128 = new byte[10];
			int n = 0;
			do {
				base128[n++] = (byte) (value & 0x7F);
				value >>>= 7;
			}
			while (value != 0);
			for (int j = n - 1; j >= 0; j--) {
				out.write(base128[j] | ((j > 0) ? 0x80 : 0));
			}
		}
		return tagged(0x06, out.toByteArray());
	}

}
