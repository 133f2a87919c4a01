#!/usr/bin/env python3
"""png_ink.py FILE R,G,B: print the share of pixels that are not near white
and the number of pixels within 24 of colour R,G,B, for an 8-bit RGB or RGBA
PNG (what Chromium's --screenshot writes).  Standard library only."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise SystemExit(f'{path}: not a PNG')
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    if depth != 8 or colour not in (2, 6):
        raise SystemExit(f'{path}: not 8-bit RGB(A)')
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):  # undo the row filter (PNG spec 9.2)
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        for x in range(0, stride, bpp):
            yield line[x], line[x + 1], line[x + 2]


def main():
    want = tuple(int(v) for v in sys.argv[2].split(','))
    total = ink = match = 0
    for r, g, b in pixels(sys.argv[1]):
        total += 1
        if min(r, g, b) < 200:
            ink += 1
        if max(abs(r - want[0]), abs(g - want[1]), abs(b - want[2])) <= 24:
            match += 1
    print(f'{ink / total:.4f} {match}')


main()
