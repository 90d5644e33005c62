/**
 * The import benches' file: `rows` meetings (会议记录) of one village as a UTF-8 CSV, dated over
 * 4,000 days from 2015, three meeting kinds, 0–3 absent.
 */
export function meetingsCsv(rows: number): Uint8Array<ArrayBuffer> {
  const kinds = ['主任例会', '成员单位例会', '联席会议'];
  const lines = ['会议日期,会议类型,议题,主持人,参会人员,缺席人数'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 4000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${kinds[i % 3]},议题${i},王建国,王建国、李明、张华,${i % 4}`);
  }
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}
