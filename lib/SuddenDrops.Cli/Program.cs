Console.WriteLine(SuddenDrops.Probe.Hello());
