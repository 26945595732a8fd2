go tool pprof -tree -compact_labels -nodecount=8 -base heap_0.pb.gz heap_5.pb.gz
