# Richards: Martin Richards' simulation of an operating-system task
# scheduler, with an idle task, a worker, two packet handlers and two
# devices exchanging packets. Object allocation, attribute access,
# method calls through a small class hierarchy, linked lists.
# The known answer for one run of 10000 idle steps is 23246 packets
# queued and 9297 holds.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
DEVICE_PACKET, WORK_PACKET = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Put this packet at the end of queue; return the new queue."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, waiting):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.holding = False
        self.link = scheduler.task_list
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.packet_pending)

    def receive(self, packet, current):
        """Add packet to this task's queue; return the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def step(self):
        packet = None
        if self.waiting and self.packet_pending and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.packet_pending = self.queue is not None
        return self.run(packet)

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, scheduler, IDLE, 0, None, False)
        self.seed = 1
        self.count = count

    def run(self, packet):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return s.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, WORKER, 1000, queue, True)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            return s.wait()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return s.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, True)
        self.work = None
        self.devices = None

    def run(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n < BUFFER_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.datum = work.data[n]
                    work.datum = n + 1
                    return s.send(device)
            else:
                self.work = work.link
                return s.send(work)
        return s.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, True)
        self.pending = None

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            if self.pending is None:
                return s.wait()
            packet = self.pending
            self.pending = None
            return s.send(packet)
        self.pending = packet
        return s.hold()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * 6
        self.current = None
        self.sent = 0
        self.holds = 0

    def hold(self):
        self.holds += 1
        self.current.holding = True
        return self.current.link

    def release(self, ident):
        task = self.tasks[ident]
        task.holding = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, packet):
        target = self.tasks[packet.owner]
        self.sent += 1
        packet.link = None
        packet.owner = self.current.ident
        return target.receive(packet, self.current)

    def run(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.step()


def richards(idle_steps):
    s = Scheduler()
    IdleTask(s, idle_steps)
    work = Packet(None, 0, WORK_PACKET)
    work = Packet(work, 0, WORK_PACKET)
    WorkerTask(s, work)
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000),
                                      (HANDLER_B, DEVICE_B, 3000)):
        packets = None
        for _ in range(3):
            packets = Packet(packets, device, DEVICE_PACKET)
        HandlerTask(s, handler, priority, packets)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.sent, s.holds


for _ in range(20):
    sent, holds = richards(10000)
print("packets sent:", sent, "holds:", holds)
