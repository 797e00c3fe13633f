namespace DescPortal.DemoData.Specimens;

/// <summary>
/// A family of sine curves across a band: curve i runs along y = Y0 + i*Spacing + Amplitude*sin(2*pi*x/Wavelength
/// + i*PhaseStep + Phase). Neighbouring curves are shifted in phase, so they cross and weave the net that makes a
/// guilloche. The amplitude may swell and shrink along x (Modulation over ModulationWavelength).
/// </summary>
internal sealed record WaveFamily(
    double Y0,
    double Spacing,
    int Count,
    double Amplitude,
    double Wavelength,
    double PhaseStep,
    double Phase = 0,
    double LineWidth = 1.1,
    double Modulation = 0,
    double ModulationWavelength = 1000);

/// <summary>
/// A family of closed curves around a centre: curve i is r = R0 + i*Spacing + Amplitude*sin(Lobes*theta + i*PhaseStep
/// + Phase). Integer lobes close every curve; the phase step braids them into the petals of a rosette.
/// </summary>
internal sealed record RosetteFamily(
    double R0,
    double Spacing,
    int Count,
    double Amplitude,
    int Lobes,
    double PhaseStep,
    double Phase = 0,
    double LineWidth = 1.1,
    double Twist = 0);

/// <summary>Guilloche line work as masks: every curve is drawn by its distance, so lines are thin and antialiased.</summary>
internal static class SpecimenGuilloche
{
    public static SpecimenMask Waves(PixelRect area, WaveFamily f)
    {
        var k = 2 * Math.PI / f.Wavelength;
        var sinStep = new double[f.Count];
        var cosStep = new double[f.Count];
        for (var i = 0; i < f.Count; i++)
        {
            sinStep[i] = Math.Sin((i * f.PhaseStep) + f.Phase);
            cosStep[i] = Math.Cos((i * f.PhaseStep) + f.Phase);
        }
        var sinX = new double[area.Width];
        var cosX = new double[area.Width];
        var amp = new double[area.Width];
        for (var x = 0; x < area.Width; x++)
        {
            var px = area.X + x + 0.5;
            sinX[x] = Math.Sin(k * px);
            cosX[x] = Math.Cos(k * px);
            amp[x] = f.Amplitude * (1 + (f.Modulation * Math.Sin(2 * Math.PI * px / f.ModulationWavelength)));
        }

        var half = f.LineWidth / 2;
        var alpha = new float[area.Width * area.Height];
        // Column by column, each curve touches only the few pixels around it: cheap, and columns are independent.
        Parallel.For(0, area.Width, x =>
        {
            for (var i = 0; i < f.Count; i++)
            {
                var sn = (sinX[x] * cosStep[i]) + (cosX[x] * sinStep[i]);
                var cs = (cosX[x] * cosStep[i]) - (sinX[x] * sinStep[i]);
                var yi = f.Y0 + (i * f.Spacing) + (amp[x] * sn) - area.Y;
                var slope = amp[x] * k * cs;
                var g = Math.Sqrt(1 + (slope * slope));
                var extent = (half + 0.5) * g;
                var y0 = Math.Max(0, (int)Math.Floor(yi - extent - 0.5));
                var y1 = Math.Min(area.Height - 1, (int)Math.Ceiling(yi + extent - 0.5));
                for (var y = y0; y <= y1; y++)
                {
                    var c = SpecimenDraw.Cover((Math.Abs(y + 0.5 - yi) / g) - half);
                    var idx = (y * area.Width) + x;
                    if (c > alpha[idx])
                    {
                        alpha[idx] = c;
                    }
                }
            }
        });
        return new SpecimenMask(area.X, area.Y, area.Width, area.Height, alpha);
    }

    public static SpecimenMask Rosette(double cx, double cy, RosetteFamily f)
    {
        var outer = f.R0 + (f.Count * f.Spacing) + f.Amplitude + f.LineWidth + 2;
        var area = PixelRect.Around(cx, cy, outer, outer);
        var sinStep = new double[f.Count];
        var cosStep = new double[f.Count];
        for (var i = 0; i < f.Count; i++)
        {
            sinStep[i] = Math.Sin((i * f.PhaseStep) + f.Phase);
            cosStep[i] = Math.Cos((i * f.PhaseStep) + f.Phase);
        }
        var half = f.LineWidth / 2;
        var reach2 = (half + 0.5) * (half + 0.5);
        var alpha = new float[area.Width * area.Height];
        Parallel.For(0, area.Height, y =>
        {
            var dy = area.Y + y + 0.5 - cy;
            for (var x = 0; x < area.Width; x++)
            {
                var dx = area.X + x + 0.5 - cx;
                var r = Math.Sqrt((dx * dx) + (dy * dy));
                if (r < f.R0 - f.Amplitude - 2 || r > outer)
                {
                    continue;
                }
                // A twist turns each ring a little more than the one inside it: the petals spiral.
                var theta = Math.Atan2(dy, dx) + (f.Twist * r);
                var sb = Math.Sin(f.Lobes * theta);
                var cb = Math.Cos(f.Lobes * theta);
                var first = Math.Max(0, (int)Math.Floor((r - f.R0 - f.Amplitude - half - 1) / f.Spacing));
                var last = Math.Min(f.Count - 1, (int)Math.Ceiling((r - f.R0 + f.Amplitude + half + 1) / f.Spacing));
                var best = 0f;
                for (var i = first; i <= last; i++)
                {
                    var sn = (sb * cosStep[i]) + (cb * sinStep[i]);
                    var cs = (cb * cosStep[i]) - (sb * sinStep[i]);
                    var dr = r - (f.R0 + (i * f.Spacing) + (f.Amplitude * sn));
                    var slope = f.Amplitude * f.Lobes * cs / Math.Max(r, 1);
                    var grad2 = 1 + (slope * slope);
                    if (dr * dr >= reach2 * grad2)
                    {
                        continue;
                    }
                    var c = SpecimenDraw.Cover((Math.Abs(dr) / Math.Sqrt(grad2)) - half);
                    if (c > best)
                    {
                        best = c;
                    }
                }
                alpha[(y * area.Width) + x] = best;
            }
        });
        return new SpecimenMask(area.X, area.Y, area.Width, area.Height, alpha);
    }

    /// <summary>
    /// A hypotrochoid ("spirograph") medallion: a circle of radius r rolls inside one of radius R; the pen sits at
    /// d from its centre. Scaled so its outermost point is at <paramref name="radius"/>.
    /// </summary>
    public static SpecimenMask Spirograph(double cx, double cy, double radius, int bigR, int smallR, double d, double lineWidth)
    {
        var turns = smallR / Gcd(bigR, smallR);
        var scale = radius / (bigR - smallR + d);
        var length = 2 * Math.PI * turns * radius * 2.2;
        var steps = (int)Math.Ceiling(length / 1.5);
        var points = new List<(double X, double Y)>(steps + 1);
        var ratio = (bigR - smallR) / (double)smallR;
        for (var s = 0; s <= steps; s++)
        {
            var t = 2 * Math.PI * turns * s / steps;
            var x = ((bigR - smallR) * Math.Cos(t)) + (d * Math.Cos(ratio * t));
            var y = ((bigR - smallR) * Math.Sin(t)) - (d * Math.Sin(ratio * t));
            points.Add((cx + (x * scale), cy + (y * scale)));
        }
        return SpecimenDraw.Stroke(points, lineWidth);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
