package app.colophon.formats;

import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.MadeCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CbrReaderTest {

    private final CbrReader reader = new CbrReader();

    @TempDir
    Path tmp;

    @Test
    void saysThatRarComicsAreNotSupported() {
        assertThatThrownBy(() -> reader.read(MadeCorpus.file("comics/rar5.cbr")))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBR: RAR comics are not supported (RAR's licence rules out the usual"
                        + " Java readers); convert it to CBZ or CB7 to read it");
    }

    @Test
    void saysSoForARar4ArchiveToo() throws Exception {
        Path rar4 = Files.write(tmp.resolve("old.cbr"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00, (byte) 0xCF});
        assertThatThrownBy(() -> reader.read(rar4)).isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBR: RAR comics are not supported");
    }

    @Test
    void readsAZipNamedCbrAsTheComicItIs() throws Exception {
        ParsedMetadata m = reader.read(MadeCorpus.file("comics/zip-named.cbr"));

        assertThat(reader.format()).isEqualTo(FileFormat.CBR);
        assertThat(m.title()).isEqualTo("Really a ZIP");
        assertThat(m.series()).containsExactly(new SeriesEntry("Misnamed", 3.0));
        assertThat(m.pageCount()).isEqualTo(2);
        assertThat(m.cover()).isEqualTo("entry:p1.jpg");
    }

    @Test
    void readsA7ZipArchiveNamedCbrAsTheComicItIs() throws Exception {
        Path cbr = Files.copy(MadeCorpus.file("comics/comicinfo.cb7"), tmp.resolve("renamed.cbr"));
        ParsedMetadata m = reader.read(cbr);

        assertThat(m.title()).isEqualTo("The Seventh Seal");
        assertThat(m.pageCount()).isEqualTo(3);
        assertThat(CoverExtractor.extract(cbr, FileFormat.CBR, m.cover())).hasSize(242);
    }

    @Test
    void reportsTheErrorsOfAMisnamedArchiveAsCbr() throws Exception {
        Path cbr = Files.copy(MadeCorpus.file("comics/encrypted.cb7"), tmp.resolve("locked.cbr"));
        assertThatThrownBy(() -> reader.read(cbr)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBR: encrypted archive (password-protected 7-Zip archives are not supported)");
    }

    @Test
    void reportsAFileThatIsNoArchiveAtAll() throws Exception {
        Path jpeg = Files.write(tmp.resolve("cover.cbr"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        Path empty = Files.write(tmp.resolve("empty.cbr"), new byte[0]);

        assertThatThrownBy(() -> reader.read(jpeg)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBR: not a comic archive (neither RAR, ZIP nor 7-Zip)");
        assertThatThrownBy(() -> reader.read(empty)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBR: not a comic archive (empty file)");
        assertThatThrownBy(() -> reader.read(tmp.resolve("missing.cbr"))).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBR: file not found");
    }
}
