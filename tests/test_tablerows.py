"""Rows that are not data, subtotals, headings, codes and amounts as offices write them
(SPEC §10.3–10.6, §10.10): each rule on a tiny workbook built here."""
from __future__ import annotations

import pytest
from builder import IND_A, IND_B, M, codes, minimal, only, run, sheet

from lkip_xl.model import Cell
from lkip_xl.reader.tablerows import code_in_name, is_numbering_row, running_numbers, total_kind
from lkip_xl.reader.values import EN, ID, MONEY, number_style, parse_code, parse_number

CELL = Cell("DPA", "C3")


def skipped(result, lembar: str) -> dict[int, str]:
    return next(r.dilewati for r in result.data.pembacaan if r.lembar == lembar)


def clean(result) -> None:
    assert result.findings == [], [(f.kode, f.sel, f.pesan) for f in result.findings]
    assert result.total_pagu == 250 * M
    assert result.total_realisasi == 230 * M


# ------------------------------------------------------------------ numbering rows (§10.3)


@pytest.mark.parametrize("vals", [
    [1, 2, 3], ["1", "2", "3"], ["(1)", "(2)", "(3)", "(4)", "(5)"], [0, 1, 2, 3],
    ["1", "2", "3", "4", "5 = (3 - 4)", "6 = (4 / 3) x 100"], [1, 8, 9, "10 = (9 / 8) × 100"],
    ["(1)", "(2)", "(3)", "(4) = (3) / (2) x 100"], [1, 4, 5, 6],  # Kode parts counted, unlabelled
    [1, 2], [*range(1, 12), "12 = 8+9+10+11", "13 = 12/7x100"], [1, "2", "3", "4=(3/2)*100"],
])
def test_numbering_rows_in_every_style(vals):
    assert is_numbering_row(vals)


@pytest.mark.parametrize("vals", [
    [1], [2, 3], [1, 3], [3, 2, 1], [1, "Program", 3], ["7.01.01", 2, 3], [1.5, 2, 3], [100 * M, 90 * M, 90],
])
def test_data_rows_are_no_numbering(vals):
    assert not is_numbering_row(vals)


def test_numbering_row_under_header_is_skipped(tmp_path):
    data = minimal()
    data["dpa"].insert(1, ["(1)", "(2)", "(3)"])
    data["realisasi"].insert(1, ["1", "2", "3", "4", "5 = (4 / 3) x 100", "6 = 3 - 4"])
    data["pemetaan"].insert(1, [1, 2])  # a two-column table
    result = run(tmp_path, **data)
    clean(result)
    assert skipped(result, "DPA") == {2: "baris penomoran kolom"}
    assert skipped(result, "Pemetaan") == {2: "baris penomoran kolom"}


# ------------------------------------------------------------------ repeated headers, pages, notes, closing


def _pasted(running_title: bool) -> list:
    rows = minimal()["realisasi"]
    header = list(rows[0])
    rows[5:5] = [[], ["Laporan Kinerja Kecamatan Uji Tahun 2024", None, None, None, None, "Halaman 41"]] + (
        [["LKIP Kecamatan Uji 2024"]] if running_title else [[]]) + [header]
    rows += [[], ["Sumber: LRA Kecamatan Uji (diolah)"], ["Hal. 42"]]
    return rows


def test_page_break_of_a_pasted_table(tmp_path):
    result = run(tmp_path, realisasi=_pasted(running_title=False))
    clean(result)
    assert skipped(result, "Realisasi") == {
        7: "nomor halaman", 9: "judul tabel diulang (halaman baru)", 17: "catatan", 18: "nomor halaman"}


def test_page_break_with_a_running_title(tmp_path):
    result = run(tmp_path, realisasi=_pasted(running_title=True))
    clean(result)
    assert skipped(result, "Realisasi")[8] == "judul tabel diulang (halaman baru)"


SIGNATURE = [[], [None, None, "Juai, 31 Desember 2024"], [None, None, "Mengetahui,"], [None, None, "Camat Juai"],
             [], [], [None, None, "H. BUDI SANTOSO, S.Sos"], [None, None, "Pembina Tk. I (IV/b)"],
             [None, None, "NIP. 19720815 199203 1 005"]]


def test_closing_block_ends_every_table(tmp_path):
    data = minimal()
    data["kinerja"] += [[None, None, None, "Catatan: realisasi sementara"]] + [
        [None] + row[1:] if row else row for row in SIGNATURE]
    data["pemetaan"] += [[], ["Keterangan: kode menurut Permendagri 90"], [None, "Juai, 15 Januari 2025"],
                         ["Pihak Pertama,", "Pihak Kedua,"], ["Budi", "Siti Aminah, S.E."],
                         ["NIP 19720815 199203 1 005", "NIP 19850505 201001 2 003"]]
    data["dpa"] += SIGNATURE
    result = run(tmp_path, **data)
    clean(result)
    assert len(result.indicators) == 3
    assert set(skipped(result, "Kinerja").values()) == {"catatan", "blok penutup dan tanda tangan"}
    assert set(skipped(result, "Pemetaan").values()) == {"catatan", "blok penutup dan tanda tangan"}


def test_signature_without_a_date_line(tmp_path):
    """`Kepala …`, a name and `NIP …`: the office holder found walking back from the NIP line."""
    data = minimal()
    data["kinerja"] += [[], [None, None, None, "Kepala Kecamatan Uji"], [], [None, None, None, "Budi Santoso"],
                        [None, None, None, "NIP 19720815 199203 1 005"]]
    result = run(tmp_path, **data)
    assert len(result.indicators) == 3
    assert set(skipped(result, "Kinerja").values()) == {"blok penutup dan tanda tangan"}


# ------------------------------------------------------------------ SIPD rincian


def test_sipd_markers_and_rincian_items_under_akun(tmp_path):
    data = minimal()
    rows = data["dpa"]
    i = rows.index(next(r for r in rows if r[0] == "7.01.01.2.01.0001")) + 1
    rows[i:i] = [
        ["Sumber Pendanaan : DAU"],
        ["5.1.01", "BELANJA PEGAWAI", 100 * M],
        ["5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 100 * M],
        [None, "[#] Belanja Operasional", 100 * M],
        [None, "[-] Kebutuhan Tahun 2024", 100 * M],
        [None, "Gaji pokok\nSesuai SSH", 60 * M],
        [None, "Tunjangan\nSesuai SSH", 40 * M],
        ["Jumlah Anggaran Sub Kegiatan :", None, 100 * M],
    ]
    result = run(tmp_path, dpa=rows)
    clean(result)
    why = sorted(skipped(result, "DPA").values())
    assert why == ["keterangan (kunci : nilai), bukan data", "penanda kelompok SIPD [#]",
                   "penanda keterangan SIPD [-]", "rincian belanja di bawah akun", "rincian belanja di bawah akun"]


# ------------------------------------------------------------------ subtotals (§10.4)


@pytest.mark.parametrize("text, kind", [
    ("Jumlah", ("total", None)), ("TOTAL", ("total", None)), ("JUMLAH BELANJA", ("total", None)),
    ("Jumlah Total Anggaran Kegiatan :", ("total", None)),
    ("Total Anggaran / Realisasi / Rata-Rata Rasio Capaian", ("total", None)),
    ("Jumlah Anggaran Sub Kegiatan :", ("subtotal", "sub_kegiatan")),
    ("Jumlah Program Penunjang Urusan", ("subtotal", "program")),
    ("Jumlah Kegiatan Administrasi", ("subtotal", "kegiatan")),
    ("Sub Total", ("subtotal", None)), ("Jumlah Pelayanan kepada Masyarakat", ("subtotal", None)),
    ("Program Penunjang", None),
])
def test_total_or_subtotal(text, kind):
    assert total_kind(text) == kind


def _with_subtotals(pagu_b: float = 150 * M):
    data = minimal()
    for key in ("dpa", "realisasi"):
        rows = data[key]
        i = next(k for k, r in enumerate(rows) if r[0] == "7.01.02")
        stated = [None, "Jumlah Program Penunjang Urusan Pemerintahan Daerah", 100 * M] + (
            [90 * M] if key == "realisasi" else [])
        rows.insert(i, stated)
        total = next(k for k, r in enumerate(rows) if r[1] in ("Jumlah", "Total"))
        rows.insert(total, [None, "Sub Total", pagu_b] + ([140 * M] if key == "realisasi" else []))
    return data


def test_subtotals_that_agree_are_no_findings(tmp_path):
    clean(run(tmp_path, **_with_subtotals()))


def test_a_wrong_subtotal_is_a_sum_mismatch_not_the_total(tmp_path):
    result = run(tmp_path, **_with_subtotals(pagu_b=155 * M))
    f = only(result, "SUM_MISMATCH")
    assert (f.lembar, f.dilaporkan, f.dihitung) == ("DPA", 155 * M, 150 * M)
    assert result.total_pagu == 250 * M


def test_total_row_found_when_a_ratio_text_comes_first(tmp_path):
    data = minimal()
    data["realisasi"] = [[r[4], *r[:4], r[5]] for r in data["realisasi"]]
    data["realisasi"][-1][0] = "92,00"
    data["realisasi"][-1][4] = 231 * M  # the stated total is checked: it is read as the total
    result = run(tmp_path, **data)
    assert only(result, "SUM_MISMATCH").dilaporkan == 231 * M


# ------------------------------------------------------------------ codes (§10.5)


def test_urusan_and_bidang_headings_are_claims(tmp_path):
    data = minimal()
    data["dpa"][1:1] = [["7", "UNSUR KEWILAYAHAN", 250 * M], ["7.01", "KECAMATAN", 251 * M]]
    result = run(tmp_path, **data)
    f = only(result, "SUM_MISMATCH")
    assert (f.sel, f.dilaporkan, f.dihitung) == ("C3", 251 * M, 250 * M)
    assert "UNREADABLE_VALUE" not in codes(result)


def test_x_xx_supporting_program(tmp_path):
    data = minimal()
    for key in ("dpa", "realisasi"):
        for row in data[key]:
            if row[0] and row[0].startswith("7.01.01"):
                row[0] = "X.XX" + row[0][4:]
    result = run(tmp_path, **data)
    clean(result)
    assert result.nodes[0].kode == "X.XX.01" and result.nodes[0].level == "program"
    assert result.nodes[2].parent is result.nodes[1]
    assert parse_code("x.xx.01.2.01.0001") == "X.XX.01.2.01.0001"
    assert parse_code("7.XX.01.2.0X") is None


def test_code_at_the_start_of_the_name(tmp_path):
    data = minimal()
    for key in ("dpa", "realisasi"):
        data[key] = [[f"{r[0]} {r[1]}" if r[0] else r[1], *r[2:]] for r in data[key]]
        data[key][0][0] = "Program / Kegiatan / Sub Kegiatan"
    result = run(tmp_path, **data)
    clean(result)
    assert [n.kode for n in result.nodes][:3] == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"]
    assert result.nodes[0].uraian == "Program Penunjang Urusan Pemerintahan Daerah"
    assert code_in_name("1.1 Administrasi") is None


def test_running_no_is_no_outline(tmp_path):
    data = minimal()
    data["realisasi"] = [["No"] + data["realisasi"][0]] + [
        [n] + row for n, row in enumerate(data["realisasi"][1:-1], start=1)] + [[None] + data["realisasi"][-1]]
    clean(run(tmp_path, **data))
    assert running_numbers(["1", "2", "3"]) and not running_numbers(["1", "1.1", "1.1.1"])
    assert not running_numbers(["1", "2"]) and not running_numbers(["1", "3", "4"])


# ------------------------------------------------------------------ amounts (§10.6, §10.10)


@pytest.mark.parametrize("raw, style, value", [
    ("Rp -", None, 0), ("Rp. -", None, 0), ("-", None, 0), ("(1.250.000)", None, -1_250_000),
    ("7 996 663 078", None, 7_996_663_078), ("7\u00a0996\u00a0663\u00a0078,00", None, 7_996_663_078),
    ("7\u202f996\u202f663\u202f078", None, 7_996_663_078), ("7,996,663,078.00", None, 7_996_663_078),
    ("7.996.663.078,00", None, 7_996_663_078),
    ("1,250", None, 1.25), ("1,250", EN, 1250), ("1.250", None, 1250), ("1.250", EN, 1.25),
    ("1.250", ID, 1250),
])
def test_money_as_offices_write_it(raw, style, value):
    assert parse_number(raw, CELL, None, MONEY, style).value == value


@pytest.mark.parametrize("raw, style", [
    ("1.200.000,00", ID), ("93,67", ID), ("1.200.000", ID), ("1,200,000.00", EN), ("1,200,000", EN),
    ("95.83", EN), ("1,250", None), ("1.250", None), (1250, None), ("1 250", None),
])
def test_number_style_evidence(raw, style):
    assert number_style(raw) == style


def test_column_style_decides_ambiguous_values(tmp_path):
    """English column: `10,000` is ten thousand; Indonesian (or silent) column: `2,500` is 2,5."""
    data = minimal()
    rows = data["realisasi"]
    rows[0] = rows[0] + ["Keterangan"]
    en = {"7.01.01": "10,000,000", "7.01.01.2.01": "10,000,000.00", "7.01.01.2.01.0001": "10,000,000",
          "7.01.02.2.01.0001": "2,000,000.00", "7.01.02.2.01.0002": "3,000,000.00", "7.01.02.2.02": "5,000,000",
          "7.01.02.2.02.0001": "5,000,000", "7.01.02": "10,000,000.00", None: "20,000,000.00"}
    for row in rows[1:]:
        row[5] = en.get(row[0], row[5])
    rows[5][5] = "5 000 000"  # 7.01.02.2.01: space-grouped
    result = run(tmp_path, **data)
    clean(result)
    data = minimal()
    data["realisasi"][1][4] = "90,000"  # alone in a column of real numbers: Indonesian 90,000 = 90
    result = run(tmp_path, **data)
    assert "PERCENT_MISMATCH" not in codes(result)
    data = minimal()
    data["pemetaan"] = [["Indikator", "Kode"], [IND_A, "7.01.02.2.01"], [IND_B, "7.01.02.2.02.0001"]]
    assert run(tmp_path, **data).findings == []


def test_mixed_column_reads_value_by_value(tmp_path):
    data = minimal()
    data["dpa"][3][2] = "100.000.000,00"  # Indonesian
    data["dpa"][6][2] = "40,000,000.00"  # English
    data["dpa"][7][2] = "60.000.000"
    clean(run(tmp_path, **data))


def test_kinerja_name_starting_with_jumlah_is_no_total(tmp_path):
    data = minimal()
    data["kinerja"].append(["Sasaran", None, None, "Jumlah Desa Mandiri", "Desa", "Positif", 1, 2, 3, 1, 2])
    data["pemetaan"].append(["Jumlah Desa Mandiri", "7.01.02.2.01.0002"])
    data["pemetaan"][1][1] = "7.01.02.2.01.0001"
    result = run(tmp_path, **data)
    assert len(result.indicators) == 4


def test_sheet_spec_merge_kept(tmp_path):
    """A merged title above a header (the builder's `sheet`): rows below still classified."""
    data = minimal()
    rows = [["RINCIAN DPA"]] + data["dpa"] + SIGNATURE
    result = run(tmp_path, dpa=sheet(rows, merge=["A1:C1"]))
    clean(result)


def test_table_ends_at_its_grand_total(tmp_path):
    """SIPD prints `Rencana Penarikan Dana per Bulan` (months with amounts, then `Jumlah`) below the DPA."""
    data = minimal()
    data["dpa"] += [[], ["Rencana Penarikan Dana per Bulan"], [None, "Januari", 125 * M], [None, "Februari", 125 * M],
                    [None, "Jumlah", 250 * M]]
    result = run(tmp_path, **data)
    clean(result)
    assert set(skipped(result, "DPA").values()) == {"di bawah baris total (tabel sudah berakhir)"}


def test_a_jumlah_with_programs_below_is_a_subtotal(tmp_path):
    data = minimal()
    rows = data["dpa"]
    i = next(k for k, r in enumerate(rows) if r[0] == "7.01.02")
    rows.insert(i, [None, "Jumlah", 100 * M])
    clean(run(tmp_path, **data))
    rows[i][2] = 90 * M
    f = only(run(tmp_path, **data), "SUM_MISMATCH")
    assert (f.dilaporkan, f.dihitung) == (90 * M, 100 * M)


@pytest.mark.parametrize("stated, wrong", [(100 * M, False), (101 * M, True)])
def test_subtotal_amount_written_in_its_text_before_a_page_break(tmp_path, stated, wrong):
    """SIPD prints `Jumlah Anggaran Sub Kegiatan : Rp 100.000.000` in the Uraian cell, then the next page
    repeats the header: the line is a subtotal claim, not the page's running title."""
    dpa = minimal()["dpa"]
    text = f"Jumlah Anggaran Sub Kegiatan : Rp {stated:,}".replace(",", ".")
    rows = dpa[:4] + [[None, text, None], [None, None, None], ["Halaman 2", None, None], dpa[0]] + dpa[4:]
    result = run(tmp_path, dpa=rows)
    assert skipped(result, "DPA") == {7: "nomor halaman", 8: "judul tabel diulang (halaman baru)"}
    assert codes(result) == (["SUM_MISMATCH"] if wrong else [])
    if wrong:
        assert only(result, "SUM_MISMATCH").sel == "B5"
