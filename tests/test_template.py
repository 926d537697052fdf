"""The shipped input template (SPEC §3): sheets, header labels, validation lists, determinism."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lkip_xl.template import write_template

COMMITTED = Path(__file__).resolve().parents[1] / "templates" / "lkip_template.xlsx"

# The contract, spelled out here on purpose rather than imported from the module.
HEADERS = {
    "Identitas": ["Kunci", "Nilai"],
    "Kinerja": ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas",
                *(f"Target {y}" for y in range(2021, 2027)), *(f"Realisasi {y}" for y in range(2022, 2025)),
                "Target PK", "Capaian 2024", "Kategori", "Kab/Kota Lain", "RPJMD Provinsi", "RPJMN", "Makna",
                "Alasan Pemilihan", "Formulasi", "Sumber/Referensi", "Penanggung Jawab", "Sumber Data"],
    "Komponen": ["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
    "DPA": ["Kode", "No", "Uraian", "Indikator", "Target Kinerja", "Satuan", "Pagu"],
    "Realisasi": ["Kode", "No", "Uraian", "Pagu", "Realisasi", "%", "Sisa"],
    "Pemetaan": ["Indikator", "Kode"],
    "Belanja": ["Kode", "Uraian", "Pagu", "Realisasi", "%"],
    "Dilaporkan": ["Tabel", "Subjek", "Ukuran", "Nilai"],
    "Skala": ["Batas Bawah", "Kategori"],
    "Pegawai": ["Nama", "NIP", "Pangkat/Golongan", "Jabatan", "Pendidikan", "Status"],
    "Penghargaan": ["Tanggal", "Tempat", "Penghargaan", "Pemberi"],
    "Inovasi": ["Nama", "Uraian"],
    "Tindak Lanjut LHE": ["Komponen", "Rekomendasi", "Rencana Tindak Lanjut", "Status"],
    "Upaya Perbaikan": ["Upaya"],
    "Pengaturan Baca": ["Lembar", "Baris Header", "Baris Akhir", "Kode", "No", "Uraian", "Pagu", "Realisasi",
                        "Indikator"],
}
IDENTITAS = {
    "SKPD": None, "Pemerintah Daerah": None, "Tahun": None, "Periode Renstra": None, "Kepala SKPD": None,
    "NIP": None, "Jabatan": None, "Tempat dan Tanggal": None, "Rumus Polaritas Negatif": "(2T-R)/T",
    "Rumus Efisiensi": "PMK 249", "Skala Kategori": "Berhasil", "Toleransi Rupiah": 1, "Nomor LHE": None,
    "Tanggal LHE": None,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "lkip_template.xlsx"
    write_template(path)
    return path


@pytest.fixture(scope="module")
def book(template):
    return openpyxl.load_workbook(template)


def _validations(ws) -> dict[str, str]:
    """Validated range -> list source, e.g. {"A2:A500": '"Tujuan,Sasaran"'}."""
    return {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}


def test_sheets_in_order(book):
    assert book.sheetnames == ["Petunjuk", *HEADERS, "Daftar Pilihan"]
    assert book["Daftar Pilihan"].sheet_state == "hidden"  # the long drop-down lists


@pytest.mark.parametrize("name", list(HEADERS))
def test_header_row_frozen_with_examples(book, name):
    ws = book[name]
    header = [c.value for c in ws[1]]
    assert header == HEADERS[name]
    assert ws.freeze_panes == "A2"
    for cell in ws[1]:
        assert cell.font.b, cell.coordinate
        assert cell.fill.fgColor.rgb not in (None, "00000000"), cell.coordinate
        assert cell.comment is not None and cell.comment.text.strip(), cell.coordinate
        assert ws.column_dimensions[cell.column_letter].width > 5
    if name != "Identitas":
        assert ws.max_row == 1, "examples belong in comments, not in data rows"


def test_identitas_keys_and_option_defaults(book):
    ws = book["Identitas"]
    assert {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True)} == IDENTITAS
    assert _validations(ws) == {
        "B10": '"(2T-R)/T,T/R"', "B11": '"PMK 249,Selisih"', "B12": '"Berhasil,Permendagri 86"'}


def test_validation_lists(book):
    assert _validations(book["Kinerja"]) == {"A2:A500": '"Tujuan,Sasaran"', "F2:F500": '"Positif,Negatif"'}
    # Polaritas also accepts +/-, Maksimal/Minimal, Naik/Turun: its list warns instead of refusing.
    styles = {str(dv.sqref): dv.errorStyle for dv in book["Kinerja"].data_validations.dataValidation}
    assert styles["F2:F500"] == "warning"
    assert _validations(book["Komponen"]) == {"E2:E500": '"rata-rata,jumlah,pembilang,penyebut"'}
    assert _validations(book["Dilaporkan"]) == {"C2:C500": (
        '"Target,Realisasi,Capaian,Capaian Akhir Renstra,Pagu,Realisasi Anggaran,Serapan,Sisa,Efisiensi,Kategori,'
        'Jumlah Pegawai"')}
    # SPEC §12: every list of Pegawai and Tindak Lanjut LHE only warns (other spellings are read)
    assert _validations(book["Pegawai"]) == {"C2:C500": "'Daftar Pilihan'!$A$2:$A$35",
                                             "E2:E500": '"SD,SLTP,SLTA,D1,D2,D3,D4,S1,S2,S3"',
                                             "F2:F500": '"PNS,PPPK"'}
    assert _validations(book["Tindak Lanjut LHE"]) == {"A2:A500": (
        '"Perencanaan Kinerja,Pengukuran Kinerja,Pelaporan Kinerja,Evaluasi Akuntabilitas Kinerja"')}
    for name in ("Pegawai", "Tindak Lanjut LHE"):
        assert {dv.errorStyle for dv in book[name].data_validations.dataValidation} == {"warning"}
    pangkat = [c.value for c in book["Daftar Pilihan"]["A"][1:]]
    assert pangkat[:3] == ["Juru Muda (I/a)", "Juru Muda Tk.I (I/b)", "Juru (I/c)"] and len(pangkat) == 34
    assert pangkat[8:10] == ["Penata Muda (III/a)", "Penata Muda Tk.I (III/b)"]
    assert pangkat[16:18] == ["Pembina Utama (IV/e)", "PPPK Golongan I"]


def test_codes_typed_into_the_template_stay_text(book):
    # "1.10" typed into a General cell becomes the number 1.1; code columns are text-formatted.
    for name, col in [("DPA", "A"), ("DPA", "B"), ("Realisasi", "A"), ("Realisasi", "B"), ("Pemetaan", "B"),
                      ("Belanja", "A"), ("Pegawai", "B")]:  # an 18-digit NIP typed as a number loses digits
        assert book[name].column_dimensions[col].number_format == "@", (name, col)


def test_petunjuk_covers_every_sheet_and_command(book):
    text = "\n".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    for name in HEADERS:
        assert f"Lembar {name}" in text
    for phrase in ["lkip-xl check file.xlsx", "lkip-xl fill file.xlsx", "6.025.173.178", "93,67%", "Opsional",
                   "Info, Profil", "Cascading, Pendukung", "(bawaan (2T-R)/T)", "menggantikan"]:
        assert phrase in text, phrase
    assert book["Petunjuk"]["A2"].alignment.wrap_text


def test_examples_are_consistent(book):
    indikator = book["Kinerja"]["D1"].comment.text.split("Contoh: ")[1].strip()
    dpa_code = book["DPA"]["A1"].comment.text.split("Contoh: ")[1].strip()
    assert "Indeks Kepuasan Masyarakat" in indikator
    assert indikator in book["Pemetaan"]["A1"].comment.text
    assert dpa_code == "7.01.02.2.02.0003"
    assert dpa_code in book["Pemetaan"]["B1"].comment.text


def test_two_runs_are_byte_identical(template, tmp_path):
    again = tmp_path / "again.xlsx"
    write_template(again)
    assert again.read_bytes() == template.read_bytes()


def test_committed_template_is_current(template):
    assert COMMITTED.read_bytes() == template.read_bytes(), (
        "templates/lkip_template.xlsx is stale: regenerate it with lkip_xl.template.write_template")


def test_import_does_not_load_xlsxwriter():
    # The CLI must start fast: xlsxwriter is imported only when a template is written.
    code = "import sys, lkip_xl.template; print('xlsxwriter' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=COMMITTED.parents[1])
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ one synonym table (issue 8 item 4)

def _key(label: str) -> str:
    from lkip_xl.reader.values import norm_label

    return norm_label(label.replace("%", " persen "))


def _petunjuk_sections(book) -> dict[str, list[tuple[str, bool]]]:
    """Lines under each `Lembar X` heading, with whether the line is an indented column item."""
    sections: dict[str, list[tuple[str, bool]]] = {}
    current = None
    for c in book["Petunjuk"]["A"]:
        text = str(c.value or "")
        if text.startswith("Lembar "):
            current = sections.setdefault(text[len("Lembar "):], [])
        elif current is not None and text:
            current.append((text, bool(c.alignment.indent)))
    return sections


def _listed(lines: list[tuple[str, bool]]) -> dict[str, set[str]]:
    """What a Petunjuk section names: sheet names, column labels (with their other names), keys."""
    import re

    out: dict[str, set[str]] = {"lembar": set(), "kolom": set(), "kunci": set()}
    for line, item in lines:
        if m := re.fullmatch(r"Nama lain lembar: (.*)\.", line):
            out["lembar"] |= {_key(n).replace(" ", "") for n in m.group(1).split(", ")}
        elif m := re.fullmatch(r"Nama lain kunci: (.*)\.", line):
            for part in m.group(1).split("; "):
                key, others = part.split(" = ")
                out["kunci"] |= {_key(key)} | {_key(n) for n in others.split(" / ")}
        elif m := re.fullmatch(r"Kolom lain yang juga dikenali: (.*)\.", line):
            for titles in re.findall(r"\(judul: ([^)]*)\)", m.group(1)):
                out["kolom"] |= {_key(n) for n in titles.split(", ")}
        elif item and (m := re.match(r"([^:]+?)(?: … [^:]+)?: ", line)):
            out["kolom"].add(_key(m.group(1)))
            if n := re.search(r" Nama lain: (.*)\.$", line):
                out["kolom"] |= {_key(x) for x in n.group(1).split(", ")}
    return out


def test_petunjuk_lists_every_label_the_reader_accepts_and_no_other(book):
    from lkip_xl.reader.budget import BELANJA_FIELDS, DPA_FIELDS, REALISASI_FIELDS
    from lkip_xl.reader.identitas import KEYS
    from lkip_xl.reader.kinerja import KINERJA_FIELDS, KOMPONEN_FIELDS, YEAR_FIELDS
    from lkip_xl.reader.bab1 import INOVASI_FIELDS, PEGAWAI_FIELDS, PENGHARGAAN_FIELDS, TINDAK_LANJUT_FIELDS
    from lkip_xl.reader.links import DILAPORKAN_FIELDS, PEMETAAN_FIELDS, SKALA_FIELDS
    from lkip_xl.reader.sheets import SHEET_SYNONYMS
    from lkip_xl.reader.upaya import UPAYA_FIELDS

    fields = {"Kinerja": KINERJA_FIELDS, "Komponen": KOMPONEN_FIELDS, "DPA": DPA_FIELDS,
              "Realisasi": REALISASI_FIELDS, "Pemetaan": PEMETAAN_FIELDS, "Belanja": BELANJA_FIELDS,
              "Dilaporkan": DILAPORKAN_FIELDS, "Skala": SKALA_FIELDS, "Pegawai": PEGAWAI_FIELDS,
              "Penghargaan": PENGHARGAAN_FIELDS, "Inovasi": INOVASI_FIELDS, "Tindak Lanjut LHE": TINDAK_LANJUT_FIELDS,
              "Upaya Perbaikan": UPAYA_FIELDS}
    roles = {"Identitas": "identitas", "Kinerja": "kinerja", "Komponen": "komponen", "DPA": "dpa",
             "Realisasi": "realisasi", "Pemetaan": "pemetaan", "Belanja": "belanja", "Dilaporkan": "dilaporkan",
             "Skala": "skala", "Pegawai": "pegawai", "Penghargaan": "penghargaan", "Inovasi": "inovasi",
             "Tindak Lanjut LHE": "tindak_lanjut", "Pengaturan Baca": "pengaturan", "Upaya Perbaikan": "upaya"}
    sections = _petunjuk_sections(book)
    assert set(sections) == set(roles)
    for name, role in roles.items():
        listed = _listed(sections[name])
        assert listed["lembar"] | {_key(name).replace(" ", "")} == set(SHEET_SYNONYMS[role]), name
        if name in fields:
            accepted = {s for f in fields[name] for s in f.synonyms}
            years = {k for k in listed["kolom"] if re.fullmatch(rf"({'|'.join(YEAR_FIELDS)}) \d{{4}}", k)}
            assert listed["kolom"] - years == accepted, name
    keys = {_key(c.value) for c in book["Identitas"]["A"][1:] if c.value}  # the keys the template fills in
    assert _listed(sections["Identitas"])["kunci"] | keys == {s for syns in KEYS.values() for s in syns}


def test_template_labels_are_read_back_by_the_reader(book):
    """Every column label of the template is one the reader accepts (the template is a valid input)."""
    from lkip_xl.template import READER_FIELDS, SHEETS, field_of, role_of

    for sheet in SHEETS:
        role = role_of(sheet.name)
        if role not in READER_FIELDS:
            continue
        for col in sheet.columns:
            assert field_of(role, col.label) is not None or re.fullmatch(r"\w+ \d{4}", col.label), (sheet.name, col)
