# Writes the tags of the files make.sh encoded (mutagen 1.46). Every value here is what the tests expect.
import sys
from mutagen.id3 import (ID3, TALB, TIT1, TIT2, TPE1, TPE2, TCOM, TCON, TDRC, TYER, TPUB, COMM, TRCK, TPOS, TLAN,
                         TXXX, APIC, TSOA, Encoding)
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm

out, jpeg_path, png_path = sys.argv[1], sys.argv[2], sys.argv[3]
jpeg = open(jpeg_path, 'rb').read()
png = open(png_path, 'rb').read()


def id3(path, frames, version=4):
    tags = ID3()
    for f in frames:
        tags.add(f)
    tags.save(path, v2_version=version, v1=0, padding=lambda info: 256)


book = [
    TALB(encoding=Encoding.UTF8, text='The Three Chapter Book'),
    TPE2(encoding=Encoding.UTF8, text='Jane Roe'),
    TCOM(encoding=Encoding.UTF8, text='Nora Narrator'),
    TCON(encoding=Encoding.UTF8, text='Audiobook'),
    TPUB(encoding=Encoding.UTF8, text='Orchard Press'),
    TLAN(encoding=Encoding.UTF8, text='eng'),
    TIT1(encoding=Encoding.UTF8, text='Chapter Saga #2'),
    TXXX(encoding=Encoding.UTF8, desc='SERIES', text='Chapter Saga'),
    TXXX(encoding=Encoding.UTF8, desc='SERIES-PART', text='2'),
    TXXX(encoding=Encoding.UTF8, desc='ASIN', text='B0TESTASIN'),
    TSOA(encoding=Encoding.UTF8, text='Three Chapter Book, The'),
    COMM(encoding=Encoding.UTF8, lang='eng', desc='', text='A book told in three files.'),
    COMM(encoding=Encoding.LATIN1, lang='eng', desc='iTunNORM', text=' 00000001 00000002'),
]
d = out + '/mp3-three-chapters/'
# chapter 1: ID3v2.4, UTF-8, the artist names author and narrator (as Audible-style taggers do), a JPEG front cover
id3(d + '01 Chapter One.mp3', book + [
    TPE1(encoding=Encoding.UTF8, text='Jane Roe, Nora Narrator'), TIT2(encoding=Encoding.UTF8, text='Chapter One'),
    TRCK(encoding=Encoding.UTF8, text='1/3'), TPOS(encoding=Encoding.UTF8, text='1/1'),
    TDRC(encoding=Encoding.UTF8, text='2019-04-02'),
    APIC(encoding=Encoding.LATIN1, mime='image/jpeg', type=3, desc='Cover', data=jpeg)])
# chapter 2: ID3v2.3, UTF-16 with BOM (2.3 has no UTF-8), TYER instead of TDRC
id3(d + '02 Chapter Two.mp3', [type(f)(**{**f.__dict__, 'encoding': Encoding.UTF16}) if hasattr(f, 'encoding') else f
                               for f in book] + [
    TPE1(encoding=Encoding.UTF16, text='Jane Roe, Nora Narrator'), TIT2(encoding=Encoding.UTF16, text='Chapter Two'),
    TRCK(encoding=Encoding.UTF16, text='2/3'), TPOS(encoding=Encoding.UTF16, text='1/1'),
    TYER(encoding=Encoding.UTF16, text='2019')], version=3)
# chapter 3: ID3v2.4, a PNG that is not the front cover (type 0 "other")
id3(d + '03 Chapter Three.mp3', book + [
    TPE1(encoding=Encoding.UTF8, text='Jane Roe, Nora Narrator'), TIT2(encoding=Encoding.UTF8, text='Chapter Three'),
    TRCK(encoding=Encoding.UTF8, text='3/3'), TPOS(encoding=Encoding.UTF8, text='1/1'),
    TDRC(encoding=Encoding.UTF8, text='2019-04-02'),
    APIC(encoding=Encoding.UTF8, mime='image/png', type=0, desc='Other', data=png)])

# two albums in one folder, track numbers counting from 1 in each; no audiobook markers at all
d = out + '/two-albums/'
for name, album, track, artist in [('a1', 'First Album Book', '1', 'Ann Poe'), ('a2', 'First Album Book', '2', 'Ann Poe'),
                                   ('b1', 'Second Album Book', '1', 'Bob Moe'), ('b2', 'Second Album Book', '2', 'Bob Moe')]:
    id3(d + name + '.mp3', [TALB(encoding=Encoding.UTF8, text=album), TPE1(encoding=Encoding.UTF8, text=artist),
                           TIT2(encoding=Encoding.UTF8, text='Track ' + track), TRCK(encoding=Encoding.UTF8, text=track)])

# music: an ID3v2.4 tag with nothing of an audiobook (genre Rock as ID3v1 number 17)
id3(out + '/music.mp3', [TALB(encoding=Encoding.UTF8, text='Loud Songs'), TPE1(encoding=Encoding.UTF8, text='The Band'),
                         TIT2(encoding=Encoding.UTF8, text='Song One'), TCON(encoding=Encoding.UTF8, text='17'),
                         TCOM(encoding=Encoding.UTF8, text='Some Composer'), TRCK(encoding=Encoding.UTF8, text='1')])

# ID3v1.1 only (128 bytes at the end), genre 183 Audiobook
with open(out + '/id3v1-only.mp3', 'ab') as f:
    def field(s, n):
        b = s.encode('latin-1')
        return b + b'\0' * (n - len(b))
    f.write(b'TAG' + field('Old Chapter', 30) + field('Vera Old', 30) + field('An Old Tagged Book', 30) + b'1999'
            + field('', 28) + b'\0' + bytes([7]) + bytes([183]))


def m4a(path, tags):
    f = MP4(path)
    for k, v in tags.items():
        f[k] = v
    f.save()


part = {
    '\xa9alb': ['The M4A Book'], 'aART': ['John Doe'], '\xa9ART': ['John Doe & Rhea Reader'],
    '\xa9nrt': ['Rhea Reader'], '\xa9wrt': ['Composer Not Narrator'], '\xa9gen': ['Audiobooks'],
    '\xa9day': ['2020-05-01'], 'desc': ['A book in two M4A files.'], '\xa9pub': ['Tin Ear Audio'],
    '----:com.apple.iTunes:SERIES': [MP4FreeForm(b'M4A Saga')],
    '----:com.apple.iTunes:SERIES-PART': [MP4FreeForm(b'3')], 'disk': [(1, 1)], 'stik': [2],
}
d = out + '/m4a-two-parts/'
m4a(d + 'Part 1.m4a', {**part, '\xa9nam': ['Part 1'], 'trkn': [(1, 2)],
                       'covr': [MP4Cover(jpeg, imageformat=MP4Cover.FORMAT_JPEG)]})
m4a(d + 'Part 2.m4a', {**part, '\xa9nam': ['Part 2'], 'trkn': [(2, 2)]})
# one whole book in one file, marked as an audiobook only by iTunes's media kind (stik 2)
m4a(out + '/single-audiobook.m4a', {'\xa9alb': ['One File Book'], '\xa9nam': ['One File Book'],
                                    '\xa9ART': ['Solo Author'], 'stik': [2]})
# music: album, artist, genre Pop, a composer; nothing of an audiobook
m4a(out + '/single-music.m4a', {'\xa9alb': ['Pop Album'], '\xa9nam': ['Pop Song'], '\xa9ART': ['Pop Singer'],
                                '\xa9wrt': ['Song Writer'], '\xa9gen': ['Pop'], 'trkn': [(4, 10)]})
